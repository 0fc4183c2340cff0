import { z } from "zod";

const locales = ["en", "ja", "zh", "ru"] as const;
const factText = (field: string) => z.string().min(1).max(4000).describe(field);
const timestamp = z.iso.datetime({ offset: true }).nullable();

export const recoveryCaseParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

/** POST /api/cases/{id}/failure */
export const markFailureBodySchema = z.strictObject({
  what_went_wrong: factText("What went wrong, as the letter will say it, in the letter's language"),
  locale: z.enum(locales).optional().describe("Letter language; default the case contact's or customer's locale (en when unsupported)"),
  follow_up_days: z.int().min(1).max(365).optional().describe("Days after the letter until the follow-up check (default 14)"),
});

/** PATCH /api/cases/{id}/recovery */
export const updateRecoveryBodySchema = z.strictObject({
  version: z.int().min(1).optional().describe("The version you read; another current version answers 409 version_conflict"),
  acknowledged: z.literal(true).optional().describe("The acknowledgement was sent to the customer"),
  apologised: z.literal(true).optional().describe("The customer received an apology"),
  what_went_wrong: factText("What went wrong").optional(),
  root_cause: factText("The root cause found").optional(),
  corrective_action: factText("What was changed so it does not happen again").optional(),
  goodwill: z.string().max(1000).nullable().optional().describe("A goodwill gesture offered in the letter; null removes it"),
  follow_up_days: z.int().min(1).max(365).optional(),
  locale: z.enum(locales).optional(),
  letter: z.strictObject({ subject: z.string().min(1).max(300), body: z.string().min(1).max(20000) }).optional().describe("The letter edited by hand; an approved letter must then be approved again"),
  redraft: z.literal(true).optional().describe("Draft the letter again from the template and the current facts"),
});

/** POST /api/cases/{id}/recovery/approve */
export const approveRecoveryBodySchema = z.strictObject({
  version: z.int().min(1).optional().describe("The version of the letter you read and approve"),
});

/** POST /api/cases/{id}/recovery/follow-up-done */
export const followUpDoneBodySchema = z.strictObject({ note: z.string().min(1).max(4000).describe("What the follow-up check found") });

export const recoverySchema = z.object({
  case_id: z.string(),
  customer_id: z.string(),
  status: z.enum(["in_progress", "approved", "sent", "done"]),
  locale: z.enum(locales),
  version: z.int(),
  personal_data_shown: z.boolean().describe("False: the letter body and address are masked (declare X-Purpose)"),
  facts: z.object({ what_went_wrong: z.string(), root_cause: z.string().nullable(), corrective_action: z.string().nullable(), goodwill: z.string().nullable() }),
  steps: z.object({
    started_at: z.iso.datetime({ offset: true }),
    acknowledged_at: timestamp,
    apologised_at: timestamp,
    root_cause_at: timestamp,
    corrective_action_at: timestamp,
    letter_drafted_at: timestamp,
    approved_at: timestamp,
    sent_at: timestamp,
    follow_up_due_at: timestamp,
    follow_up_done_at: timestamp,
  }),
  missing_for_approval: z.array(z.string()),
  letter: z
    .object({
      subject: z.string(),
      body: z.string(),
      signed_by: z.object({ user_id: z.string().nullable(), name: z.string(), title: z.string().nullable() }).nullable(),
      sent_to: z.string().nullable(),
      pdf: z.string().describe("GET this path for the PDF"),
    })
    .nullable(),
  follow_up: z.object({ days: z.int(), overdue: z.boolean(), note: z.string().nullable() }),
});
export type RecoveryJson = z.infer<typeof recoverySchema>;

/** GET /api/analytics/recovery */
export const recoveryReportQuerySchema = z.strictObject({
  as_of: z.iso.datetime({ offset: true }).optional().describe("Count as of this time (default now)"),
  locale: z.enum(locales).optional().describe("Language of the verdicts (default en)"),
});

const estimateSchema = z.object({ count: z.int(), n: z.int(), rate: z.number().nullable(), ci95_low: z.number().nullable(), ci95_high: z.number().nullable() });

export const recoveryReportSchema = z.object({
  as_of: z.iso.datetime({ offset: true }),
  definition: z.object({ window_days: z.int(), churn_p_alive_below: z.number(), min_group_size: z.int() }),
  groups: z.array(z.object({ cohort: z.enum(["recovered", "unresolved_failure", "no_case"]), customers: z.int(), repurchase: estimateSchema, churn: estimateSchema })),
  comparisons: z.array(
    z.object({
      against: z.enum(["unresolved_failure", "no_case"]),
      metric: z.enum(["repurchase", "churn"]),
      verdict: z.enum(["not_enough_data", "no_clear_difference", "recovered_better", "recovered_worse"]),
      text: z.string(),
    }),
  ),
});

/** PUT /api/recovery/templates/{locale} */
export const recoveryTemplateParamsSchema = z.strictObject({ locale: z.string().min(1).max(100).describe("en, ja, zh or ru (checked after the permission, so a role without it gets 403 first)") });
export const recoveryTemplateSchema = z.strictObject({
  subject: z.string().min(1).max(300),
  body: z.string().min(1).max(20000),
  goodwill: z.string().min(1).max(2000).describe("The goodwill paragraph; {goodwill} is the gesture"),
});
