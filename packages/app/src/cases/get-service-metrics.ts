import { serviceGroupings, type Repositories, type ServiceGrouping, type ServiceMetricsRow } from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

export interface ServiceMetricsInput {
  from: Date;
  to: Date;
  groupBy?: ServiceGrouping | undefined;
  period?: "day" | "week" | "month" | undefined;
}

export interface ServiceMetrics {
  from: Date;
  to: Date;
  groupBy: ServiceGrouping | null;
  /** The whole range first (group null), then one row per group. */
  total: ServiceMetricsRow | null;
  groups: ServiceMetricsRow[];
  /** False when SLA clocks are not set up (sla_attainment is then null). */
  slaAvailable: boolean;
  cesAvailable: boolean;
}

/** Service figures of the cases opened in [from, to), overall and per group (analytics.read). */
export async function getServiceMetrics(ctx: RequestContext, deps: { repositories: Pick<Repositories, "cases"> }, input: ServiceMetricsInput): Promise<ServiceMetrics> {
  authorize(ctx, "analytics.read");
  if (!(input.from < input.to)) throw invalidInput("from", "from must be before to");
  if (input.groupBy !== undefined && !serviceGroupings.includes(input.groupBy)) throw invalidInput("groupBy", `groupBy must be one of ${serviceGroupings.join(", ")}`);
  const base = { from: input.from, to: input.to, period: input.period ?? "month" } as const;
  const overall = await deps.repositories.cases.serviceMetrics(ctx.workspaceId, { ...base, groupBy: null });
  const grouped = input.groupBy ? await deps.repositories.cases.serviceMetrics(ctx.workspaceId, { ...base, groupBy: input.groupBy }) : null;
  return {
    from: input.from,
    to: input.to,
    groupBy: input.groupBy ?? null,
    total: overall.rows[0] ?? null,
    groups: grouped?.rows ?? [],
    slaAvailable: overall.slaAvailable,
    cesAvailable: overall.cesAvailable,
  };
}
