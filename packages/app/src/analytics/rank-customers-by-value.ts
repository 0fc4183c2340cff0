import type { RankedCustomerValue, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize, customerScopeOf } from "../security/authorize.ts";

/**
 * The caller's customers of highest CLV (the latest refit's scores), highest
 * first: all of the workspace's for admins, managers and analysts, a rep's
 * own portfolio for a rep. Ids and scores only: no personal data.
 */
export async function rankCustomersByValue(ctx: RequestContext, deps: { repositories: Pick<Repositories, "valueRanking"> }, input: { limit: number }): Promise<RankedCustomerValue[]> {
  authorize(ctx, "analytics.read");
  return deps.repositories.valueRanking.topByValue(ctx.workspaceId, customerScopeOf(ctx), input.limit);
}
