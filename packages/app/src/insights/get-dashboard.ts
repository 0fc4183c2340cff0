import type { DashboardFigures, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize, customerScopeOf } from "../security/authorize.ts";

/** Customers whose P(alive) is below this count as at risk on the dashboard. */
export const dashboardRiskThreshold = 0.5;

/**
 * The dashboard's headline figures over the customers the caller may see
 * (a rep: its portfolio; an agent: the customers it supports): customers,
 * revenue, and the CLV of customers at risk. Aggregates only, no personal data.
 */
export async function getDashboard(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "insights">; now?: () => Date },
): Promise<DashboardFigures> {
  authorize(ctx, "customers.read");
  const now = deps.now?.() ?? new Date();
  return deps.repositories.insights.dashboard(ctx.workspaceId, customerScopeOf(ctx), dashboardRiskThreshold, now);
}
