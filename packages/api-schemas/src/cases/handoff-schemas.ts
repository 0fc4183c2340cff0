import { z } from "zod";

const dateTime = z.iso.datetime({ offset: true });

/** POST /api/cases/{id}/handoffs */
export const handoffBodySchema = z.object({
  to_user_id: z.string().min(1),
  to_team_id: z.string().nullable().default(null).describe("The case moves to this team on acceptance; null keeps its team"),
  brief: z
    .object({
      problem: z.string().max(2_000).optional().describe("The problem in one paragraph"),
      tried: z.string().max(2_000).optional().describe("What was tried"),
      customer_mood: z.string().max(200).optional().describe("The customer's mood"),
      promised: z.string().max(1_000).optional().describe("What the customer was promised"),
    })
    .describe("All four fields are required; missing ones are reported together as field errors"),
});

export const handoffSchema = z.object({
  id: z.string(),
  case_id: z.string(),
  from_user_id: z.string().nullable().describe("The owner when it was requested; stays on the case as watcher until acceptance"),
  to_user_id: z.string(),
  to_team_id: z.string().nullable(),
  brief: z.object({ problem: z.string(), tried: z.string(), customer_mood: z.string(), promised: z.string() }),
  status: z.enum(["pending", "accepted", "cancelled"]),
  requested_by: z.string(),
  requested_at: dateTime,
  decided_at: dateTime.nullable(),
});
export type HandoffJson = z.infer<typeof handoffSchema>;

/** GET /api/handoffs */
export const pendingHandoffsQuerySchema = z.object({ to: z.literal("me").default("me").describe("Only `me` (the default): handoffs waiting for the caller"), limit: z.coerce.number().int().min(1).max(500).optional() });

/** GET /api/cases/{id}/handoffs/proposals */
export const specialistProposalSchema = z.object({
  user_id: z.string(),
  team_id: z.string().nullable(),
  score: z.number().int().describe("product 4 + skill 3 + language 2 + team 1"),
  matched: z.array(z.enum(["product", "skill", "language", "team"])),
  open_cases: z.number().int().describe("Open cases owned plus handoffs pending to them"),
});

/** POST/PUT /api/responsibilities */
export const responsibilityBodySchema = z.object({
  user_id: z.string().min(1),
  team_id: z.string().nullable().default(null),
  skills: z.array(z.string().max(100)).max(100).default([]).describe("Case categories the person handles"),
  product_ids: z.array(z.string().max(100)).max(500).default([]),
  languages: z.array(z.string().max(20)).max(50).default([]).describe("BCP 47 tags; the primary subtag is compared"),
  lead: z.boolean().default(false).describe("Told of the team's SLA breaches"),
  max_open_cases: z.number().int().min(1).max(10_000).nullable().default(null),
});

export const responsibilitySchema = responsibilityBodySchema.extend({ id: z.string(), created_at: dateTime, updated_at: dateTime });
export type ResponsibilityJson = z.infer<typeof responsibilitySchema>;
