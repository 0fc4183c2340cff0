import { z } from "zod";

/** GET /api/analytics/clv/customers */
export const clvRankingQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional().describe("How many customers, default 50"),
});

export const clvRankingSchema = z.object({
  items: z.array(
    z.object({
      customer_id: z.string(),
      kind: z.enum(["person", "organization"]),
      clv: z.string().describe("Customer lifetime value over the horizon, discounted, at the margin (exact decimal, workspace currency)"),
      p_alive: z.number().describe("Probability that the customer is still active"),
      expected_purchases_365: z.number().describe("Expected purchases in the next 365 days"),
      expected_spend: z.string().nullable().describe("Expected spend per purchase (Gamma-Gamma)"),
      frequency: z.number().describe("Repeat purchase periods"),
      recency: z.number().describe("Periods from the first to the last purchase"),
      age: z.number().describe("Periods from the first purchase to the end of observation"),
    }),
  ),
});
export type ClvRankingJson = z.infer<typeof clvRankingSchema>;
