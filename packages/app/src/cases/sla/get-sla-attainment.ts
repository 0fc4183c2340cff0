import type { Repositories, SlaAttainment } from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";
import { authorize } from "../../security/authorize.ts";

/**
 * SLA attainment per metric of the clocks started in [from, to): met /
 * (met + breached) of the clocks decided so far. Service metrics call this.
 */
export async function getSlaAttainment(ctx: RequestContext, deps: { repositories: Pick<Repositories, "slas"> }, range: { from: Date; to: Date }): Promise<SlaAttainment[]> {
  authorize(ctx, "cases.read");
  if (range.to.getTime() <= range.from.getTime()) throw invalidInput("to", "The end of the period must be after its start.");
  return deps.repositories.slas.attainment(ctx.workspaceId, range);
}
