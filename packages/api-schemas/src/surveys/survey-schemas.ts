import { z } from "zod";

const purposes = ["service", "sales", "marketing", "analytics", "billing"] as const;

/** POST /api/surveys */
export const createSurveyBodySchema = z.object({
  name: z.string().min(1).max(200),
  kind: z.enum(["nps", "csat", "ces", "acsi"]).describe("nps; csat; ces (CES 2.0 with CSAT, after a resolved case); acsi (the three ACSI questions)"),
  purpose: z.enum(purposes).optional().describe("Consent purpose the survey is sent under (default service)"),
});

export const surveySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["nps", "csat", "ces", "acsi", "custom"]),
  purpose: z.enum(purposes),
  questions: z.array(z.object({ id: z.string(), type: z.string(), required: z.boolean() }).loose()),
  created_at: z.iso.datetime({ offset: true }),
});
export type SurveyJson = z.infer<typeof surveySchema>;

/** POST /api/surveys/{id}/send */
export const sendSurveyBodySchema = z.object({
  customer_id: z.string().min(1),
  channel: z.enum(["email", "in_app"]).default("email"),
  follow_up_id: z.string().optional().describe("A done follow-up of this customer: the re-survey after it skips the frequency cap, once"),
});

export const sendSurveyResultSchema = z.object({
  status: z.enum(["sent", "skipped"]),
  reason: z.enum(["frequency_cap", "no_consent", "no_email"]).optional().describe("Why nothing was sent"),
  detail: z.string().optional(),
  invitation_id: z.string().optional(),
  url: z.string().optional().describe("The signed, single-use link (/s/{token}); show it in-app for channel in_app"),
  expires_at: z.iso.datetime({ offset: true }).optional(),
  next_allowed_at: z.iso.datetime({ offset: true }).optional().describe("With frequency_cap: the first time this customer may be surveyed again"),
});
export type SendSurveyResultJson = z.infer<typeof sendSurveyResultSchema>;

/** GET /api/analytics/satisfaction */
export const satisfactionQuerySchema = z.object({
  from: z.iso.date().optional().describe("First day (UTC), inclusive; default: the first day of the month 11 months before `to`"),
  to: z.iso.date().optional().describe("Last day (UTC), inclusive; default: today"),
  segment: z.string().max(200).optional().describe("field:value with field owner, country, kind, account_type, industry or size_band"),
});

export const satisfactionSchema = z.object({
  from: z.string(),
  to: z.string(),
  segment: z.string().nullable(),
  responses: z.number().int(),
  nps: z.object({
    value: z.number().nullable().describe("% promoters (9–10) − % detractors (0–6)"),
    margin_of_error: z.number().nullable().describe("95 % half-width, NPS points"),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
  }),
  csat: z.object({ value: z.number().nullable().describe("% of answers 4–5 on 1–5"), responses: z.number().int() }),
  ces: z.object({ value: z.number().nullable().describe("Mean on 1–7"), responses: z.number().int() }),
  csi: z.object({
    value: z.number().nullable().describe("0–100, Σ wᵢ(x̄ᵢ − 1)/9 × 100"),
    responses: z.number().int(),
    weights: z.array(z.number()),
    weighting: z.enum(["estimated", "equal"]),
  }),
  invitations_sent: z.number().int(),
  response_rate: z.number().nullable(),
  series: z.array(
    z.object({
      month: z.string(),
      responses: z.number().int(),
      nps: z.number().nullable(),
      nps_margin_of_error: z.number().nullable(),
      csat: z.number().nullable(),
      ces: z.number().nullable(),
      csi: z.number().nullable(),
      response_rate: z.number().nullable(),
    }),
  ),
});
export type SatisfactionJson = z.infer<typeof satisfactionSchema>;

/** GET /api/follow-ups */
export const followUpsQuerySchema = z.object({
  overdue: z.enum(["true", "false"]).optional().describe("true: only tasks past due"),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const followUpSchema = z.object({
  id: z.string(),
  customer_id: z.string(),
  response_id: z.string(),
  owner_user_id: z.string().nullable(),
  reason: z.enum(["detractor", "low_csat", "high_effort"]),
  status: z.enum(["open", "in_progress", "done", "cancelled"]),
  outcome: z.string().nullable(),
  due_at: z.iso.datetime({ offset: true }),
  created_at: z.iso.datetime({ offset: true }),
  overdue: z.boolean(),
});
export type FollowUpJson = z.infer<typeof followUpSchema>;

/** A follow-up as PATCH returns it: with when it closed and its re-survey. */
export const followUpDetailSchema = followUpSchema.extend({
  closed_at: z.iso.datetime({ offset: true }).nullable(),
  resurvey_invitation_id: z.string().nullable(),
});

/** POST /api/surveys/{id}/answers/import (text/csv): 200 when stored, 400 with every refused line (nothing stored). */
export const answerImportResultSchema = z.object({
  imported: z.number().int(),
  duplicates: z.number().int().describe("Lines whose external_id was already imported for this survey (skipped)"),
  problems: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});
export type AnswerImportResultJson = z.infer<typeof answerImportResultSchema>;

/** PATCH /api/follow-ups/{id} */
export const updateFollowUpBodySchema = z.object({
  status: z.enum(["open", "in_progress", "done", "cancelled"]),
  outcome: z.string().max(4000).nullable().optional().describe("Required when status is done"),
});

/** GET/PUT /api/surveys/triggers */
export const surveyTriggerSettingsSchema = z.object({
  enabled: z.boolean(),
  channel: z.enum(["email", "in_app"]),
  relationship_days: z.number().int().min(7).max(3650).describe("Relationship NPS at most once in this many days per customer (default 90)"),
  onboarding_days: z.number().int().min(1).max(3650).describe("Onboarding survey this many days after the customer was first seen (default 30)"),
  exit_p_alive: z.number().min(0.001).max(0.999).describe("Exit survey when P(alive) falls below this (default 0.3)"),
});
export type SurveyTriggerSettingsJson = z.infer<typeof surveyTriggerSettingsSchema>;

const latestAnswer = z.object({ value: z.number().int(), at: z.iso.datetime({ offset: true }) }).nullable();

/** The customer's own satisfaction in GET /api/customers/{id}. */
export const customerSatisfactionSchema = z.object({
  nps: latestAnswer.describe("The latest NPS answer (0–10)"),
  csat: latestAnswer.describe("The latest CSAT answer (1–5)"),
  ces: latestAnswer.describe("The latest CES answer (1–7)"),
  csi: z.number().nullable().describe("The customer's CSI, 0–100, equal weights over all their complete ACSI answers"),
  csi_responses: z.number().int(),
  open_follow_ups: z.number().int(),
});
