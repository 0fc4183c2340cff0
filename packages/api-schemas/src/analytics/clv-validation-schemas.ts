import { z } from "zod";

/** GET /api/analytics/clv/validation */
export const clvValidationQuerySchema = z.strictObject({
  points: z.coerce.number().int().min(3).max(24).optional().describe("Points of the tracking plot (default 8); each is one summary query"),
});

export const clvValidationSchema = z.object({
  model: z.string(),
  period_unit: z.enum(["day", "week"]),
  calibration_end: z.iso.datetime({ offset: true }),
  observation_end: z.iso.datetime({ offset: true }),
  holdout_periods: z.number().int().describe("Periods after the calibration end the model did not see (a third of the history)"),
  converged: z.boolean().describe("Whether the fit on the calibration period converged"),
  calibration_holdout: z
    .array(z.object({ frequency: z.number().int(), pooled: z.boolean(), customers: z.number(), actual: z.number(), predicted: z.number() }))
    .describe("Mean holdout repeat purchases per calibration frequency, observed and predicted; the last row pools higher frequencies"),
  tracking: z
    .object({ period: z.array(z.number()), actual: z.array(z.number()), predicted: z.array(z.number()), calibration_end_index: z.number().int() })
    .describe("Cumulative repeat purchases at periods since the first purchase, observed and predicted"),
});
export type ClvValidationJson = z.infer<typeof clvValidationSchema>;
