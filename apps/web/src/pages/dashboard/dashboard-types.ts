import type { caseListSchema, clvFitSchema, dashboardSchema, followUpSchema, satisfactionSchema, serviceMetricsSchema } from "@tenure/api-schemas";
import type { Infer } from "../../api/schema-types.ts";

export type Dashboard = Infer<typeof dashboardSchema>;
export type ClvFit = Infer<typeof clvFitSchema>;
export type Satisfaction = Infer<typeof satisfactionSchema>;
export type ServiceMetrics = Infer<typeof serviceMetricsSchema>;
export type CaseList = Infer<typeof caseListSchema>;
export type FollowUp = Infer<typeof followUpSchema>;

/** A histogram of the CLV fit report's diagnostics (customer-value-distributions.ts on the server). */
export interface Distribution {
  edges: number[];
  counts: number[];
}

export function distributionOf(report: Record<string, unknown> | undefined, key: "clv" | "probabilityAlive"): Distribution | null {
  const diagnostics = report?.diagnostics as Record<string, unknown> | undefined;
  const value = diagnostics?.[key] as Partial<Distribution> | undefined;
  if (!value || !Array.isArray(value.edges) || !Array.isArray(value.counts)) return null;
  return { edges: value.edges, counts: value.counts };
}
