import type { CustomerValueFit, Repositories } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** The newest customer-value fit of the caller's workspace; throws clv_fit_not_found before the first refit. */
export async function getCustomerValueFit(ctx: RequestContext, deps: { repositories: Pick<Repositories, "customerValue"> }): Promise<CustomerValueFit> {
  authorize(ctx, "analytics.read");
  const fit = await deps.repositories.customerValue.findLatestFit(ctx.workspaceId);
  if (!fit) throw notFound("clv_fit_not_found", "No customer-value fit yet: a refit runs after each import and daily, or ask for one with POST /api/analytics/clv/refit");
  return fit;
}
