import type { CustomerListMetrics, Repositories } from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";
import { authorize, customerScopeOf } from "../security/authorize.ts";

export const maxMetricsIds = 200;

/**
 * The customers list's extra columns (owner, CLV, P(alive), latest NPS, open
 * cases) for the ids of one page. Ids outside the caller's rows or workspace
 * are left out of the answer, exactly like unknown ids.
 */
export async function listCustomerMetrics(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "insights"> },
  input: { ids: readonly string[] },
): Promise<{ currency: string; items: CustomerListMetrics[] }> {
  authorize(ctx, "customers.read");
  const ids = [...new Set(input.ids.map((id) => id.trim()).filter((id) => id !== ""))];
  if (ids.length > maxMetricsIds) throw invalidInput("ids", `ids names at most ${maxMetricsIds} customers`);
  return deps.repositories.insights.listMetrics(ctx.workspaceId, customerScopeOf(ctx), ids);
}
