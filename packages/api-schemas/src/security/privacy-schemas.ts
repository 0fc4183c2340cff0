import { z } from "zod";

const purposeSchema = z.enum(["service", "sales", "marketing", "analytics", "billing"]);
const timestamp = z.iso.datetime({ offset: true });

export const consentRecordSchema = z.object({
  id: z.string(),
  purpose: purposeSchema,
  status: z.enum(["granted", "withdrawn"]),
  recorded_at: timestamp,
  source: z.string(),
  actor_id: z.string(),
});

/** GET /api/customers/{id}/consents */
export const customerConsentsSchema = z.object({
  current: z.record(z.string(), consentRecordSchema).describe("The decision in force per purpose; absent purposes were never decided (not withdrawn)"),
  history: z.array(consentRecordSchema).describe("Every decision, newest first"),
});

/** POST /api/customers/{id}/consents */
export const recordConsentBodySchema = z.strictObject({
  purpose: purposeSchema,
  status: z.enum(["granted", "withdrawn"]),
  source: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/).optional().describe("Where the customer decided (web, call, email…); default api"),
  recorded_at: timestamp.optional().describe("When the customer decided; default now"),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  occurred_at: timestamp,
  actor_id: z.string(),
  role: z.string(),
  action: z.string(),
  customer_id: z.string().nullable(),
  fields: z.array(z.string()).describe("Names of the fields read or changed; never their values"),
  purpose: z.string().nullable(),
  request_id: z.string(),
  details: z.record(z.string(), z.unknown()),
});

/** GET /api/audit */
export const auditQuerySchema = z.strictObject({
  actor: z.string().max(100).optional(),
  customer: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  from: timestamp.optional().describe("Inclusive"),
  to: timestamp.optional().describe("Exclusive"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(10000).optional(),
  format: z.enum(["json", "csv"]).optional().describe("csv: the same rows as text/csv (or send Accept: text/csv)"),
});

export const auditListSchema = z.object({ items: z.array(auditEntrySchema), next_cursor: z.string().nullable() });

/** POST /api/customers/{id}/export: everything stored about the customer. */
export const customerExportSchema = z
  .object({ exported_at: timestamp, workspace_id: z.string(), customer_id: z.string(), customer: z.record(z.string(), z.unknown()) })
  .catchall(z.unknown());

/** POST /api/customers/{id}/erase */
export const erasureSchema = z.object({
  customer_id: z.string(),
  erased_at: timestamp,
  events_pseudonymised: z.number().int(),
  contacts_erased: z.number().int(),
  cases_erased: z.number().int().describe("Cases whose description, resolution note, event bodies and handoff briefs were blanked"),
  recovery_letters_erased: z.number().int().describe("Recovery letters whose text, address and PDF were blanked"),
  survey_answers_erased: z.number().int().describe("Survey answers whose comment and free-text answers were blanked (ratings stay)"),
  feedback_items_erased: z.number().int().describe("Feedback items whose text was blanked (themes and sentiment stay)"),
});
