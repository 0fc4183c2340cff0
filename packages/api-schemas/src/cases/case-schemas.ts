import { z } from "zod";

const timestamp = z.iso.datetime({ offset: true });
const nullableText = z.string().nullable();
const id = z.string().min(1).max(100);

const statuses = ["new", "open", "pending_customer", "on_hold", "resolved", "closed"] as const;
const priorities = ["low", "normal", "high", "urgent"] as const;
export const caseChannelSchema = z.enum(["email", "phone", "chat", "web", "social", "in_person", "api"]);
export const casePrioritySchema = z.enum(priorities);
export const caseStatusSchema = z.enum(statuses);

/** A case as the API returns it. */
export const caseSchema = z.object({
  id: z.string(),
  external_id: nullableText,
  customer_id: z.string(),
  contact_id: nullableText,
  subject: z.string(),
  description: nullableText.describe("Withheld (null) for roles that may not read personal data"),
  channel: caseChannelSchema,
  category: nullableText,
  product_id: nullableText,
  priority: casePrioritySchema,
  status: caseStatusSchema,
  owner_user_id: nullableText,
  team_id: nullableText,
  known_problem_id: nullableText,
  is_company_failure: z.boolean(),
  resolution_note: nullableText,
  version: z.number().int().describe("Send back as version on PATCH; a stale one is refused (409 version_conflict)"),
  opened_at: timestamp,
  first_response_at: timestamp.nullable(),
  last_customer_update_at: timestamp.nullable(),
  resolved_at: timestamp.nullable(),
  closed_at: timestamp.nullable(),
  reopen_count: z.number().int(),
  handoff_count: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const caseListSchema = z.object({
  items: z.array(caseSchema),
  total: z.number().int().describe("Matches over all pages"),
  next_cursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last page"),
});

export const caseEventSchema = z.object({
  id: z.string(),
  kind: z.string().describe("created, status_changed, comment, response, customer_update, updated, assigned, log_activity, handoff_requested, …"),
  from_status: caseStatusSchema.nullable(),
  to_status: caseStatusSchema.nullable(),
  actor_user_id: nullableText,
  body: nullableText,
  data: z.record(z.string(), z.unknown()),
  occurred_at: timestamp,
});

export const caseEventListSchema = z.object({ items: z.array(caseEventSchema) });

export const caseIdParamsSchema = z.strictObject({ id });

const writable = {
  contact_id: id.nullable().optional(),
  subject: z.string().min(1).max(500),
  description: z.string().max(20_000).nullable().optional(),
  channel: caseChannelSchema.optional(),
  category: z.string().min(1).max(200).nullable().optional(),
  product_id: id.nullable().optional(),
  priority: casePrioritySchema.optional(),
  owner_user_id: id.nullable().optional(),
  team_id: id.nullable().optional(),
};

/** POST /api/cases */
export const createCaseBodySchema = z.strictObject({
  ...writable,
  customer_id: id,
  external_id: z.string().min(1).max(200).optional().describe("Your ticket id; a second create with it returns the first case (200) instead of a new one"),
  opened_at: timestamp.optional().describe("When the customer asked (default: now)"),
});

/** PATCH /api/cases/{id} */
export const updateCaseBodySchema = z.strictObject({
  ...writable,
  subject: writable.subject.optional(),
  version: z.number().int().min(1).describe("The version you read"),
});

/** POST /api/cases/{id}/status */
export const changeCaseStatusBodySchema = z.strictObject({
  status: caseStatusSchema,
  resolution_note: z.string().max(5000).optional().describe("Required to resolve"),
  version: z.number().int().min(1).optional(),
});

/** POST /api/cases/{id}/comments */
export const addCaseCommentBodySchema = z.strictObject({
  kind: z.enum(["comment", "response", "customer_update"]).default("comment").describe("comment: internal note; response: answer to the customer (the first sets first_response_at); customer_update: the customer wrote"),
  body: z.string().min(1).max(20_000),
});

/** A comma-separated list of enumeration values in a query string. */
function commaSeparated<const V extends readonly [string, ...string[]]>(values: V) {
  return z
    .string()
    .max(500)
    .transform((text) => text.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));
}

/** GET /api/cases */
export const listCasesQuerySchema = z.strictObject({
  status: commaSeparated(statuses).optional().describe("Comma-separated statuses, e.g. new,open,pending_customer,on_hold"),
  priority: commaSeparated(priorities).optional().describe("Comma-separated priorities"),
  owner: id.optional().describe("owner_user_id"),
  team: id.optional().describe("team_id"),
  category: z.string().max(200).optional(),
  product: id.optional().describe("product_id"),
  customer: id.optional().describe("customer_id"),
  known_problem: id.optional().describe("known_problem_id"),
  q: z.string().max(200).optional().describe("Case-insensitive text in the subject"),
  sort: z.enum(["priority", "opened_at", "-opened_at"]).optional().describe("priority (default): urgent first, then oldest first; opened_at / -opened_at: by age"),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().describe("Page size, default 50"),
});

const hours = z.number().nullable();

export const serviceMetricsRowSchema = z.object({
  group: nullableText.describe("Team id, owner user id, product id, category or period start; null for none"),
  cases: z.number().int(),
  resolved: z.number().int(),
  first_response_median_hours: hours,
  first_response_p90_hours: hours,
  resolution_median_hours: hours,
  resolution_p90_hours: hours,
  reopen_rate: z.number().nullable().describe("Share of resolved cases reopened at least once"),
  handoffs_per_case: z.number().nullable(),
  sla_attainment: z.number().nullable().describe("Share of settled SLA clocks met; null without SLA clocks"),
  ces: z.number().nullable().describe("Mean Customer Effort Score (1–7) of survey answers about these cases"),
  ces_responses: z.number().int(),
});

/** GET /api/analytics/service */
export const serviceMetricsQuerySchema = z.strictObject({
  from: z.iso.date().optional().describe("First day (UTC) of cases opened; default 90 days before to"),
  to: z.iso.date().optional().describe("Day after the last (UTC); default tomorrow"),
  groupBy: z.enum(["team", "agent", "product", "category", "period"]).optional(),
  period: z.enum(["day", "week", "month"]).optional().describe("With groupBy=period (default month)"),
});

export const serviceMetricsSchema = z.object({
  from: timestamp,
  to: timestamp,
  group_by: nullableText,
  total: serviceMetricsRowSchema.nullable(),
  groups: z.array(serviceMetricsRowSchema),
  sla_available: z.boolean(),
  ces_available: z.boolean(),
});
