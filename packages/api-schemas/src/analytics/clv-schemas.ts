import { z } from "zod";

const estimates = z.record(z.string(), z.number().nullable()).describe("By parameter name; null where not finite (e.g. a standard error at a boundary)");

/** GET /api/analytics/clv: the latest customer-value fit of the workspace. */
export const clvFitSchema = z.object({
  id: z.string().describe("Fit id; every customer score names the fit that produced it (fit_id)"),
  model: z.string().describe("Purchase model: bg-nbd (default), pareto-nbd or mbg-nbd"),
  params: estimates,
  standard_errors: estimates,
  log_likelihood: z.number().nullable(),
  converged: z.boolean().describe("False: the fit is kept for inspection and the previous scores stay in place"),
  customers: z.number().int().describe("Customers the purchase model was fitted on"),
  rows: z.number().int().describe("Distinct (frequency, recency, age) rows fitted"),
  computed_at: z.iso.datetime({ offset: true }),
  report: z
    .record(z.string(), z.unknown())
    .describe("Spend model (gamma-gamma) fit, settings, notes, and diagnostics data for charts: probabilityAliveMatrix, repeatPurchases, probabilityAlive and clv distributions"),
});
export type ClvFitJson = z.infer<typeof clvFitSchema>;

/** POST /api/analytics/clv/refit → 202. */
export const clvRefitAcceptedSchema = z.object({
  job_id: z.string().nullable().describe("The queued job; null when a refit of this workspace was already waiting (it will include the latest data)"),
  status: z.enum(["queued", "already_queued", "completed"]).describe("completed: no job runner, the refit ran during the request"),
});
export type ClvRefitAcceptedJson = z.infer<typeof clvRefitAcceptedSchema>;
