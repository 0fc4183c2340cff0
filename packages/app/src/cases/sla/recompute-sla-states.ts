import { computeSlaStates, slaAttributeKeys, type Repositories, type SlaWriteReport } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../../security/authorize.ts";

/**
 * Recompute every SLA clock of the workspace's open cases (and of cases
 * resolved since their last computation) at `now`, and store them in bulk:
 * one read of the cases with their status history, the clocks computed in
 * memory on shared business timelines, one COPY and one upsert. New warnings
 * and breaches become alerts; a breach is also a case event (escalation).
 * The `sla-recompute` job runs this every minute.
 */
export async function recomputeSlaStates(ctx: RequestContext, deps: { repositories: Pick<Repositories, "slas"> }, now: Date = new Date()): Promise<SlaWriteReport> {
  authorize(ctx, "cases.configure");
  const slas = deps.repositories.slas;
  const [policies, calendars] = await Promise.all([slas.listPolicies(ctx.workspaceId), slas.listCalendars(ctx.workspaceId)]);
  return slas.recompute(ctx.workspaceId, slaAttributeKeys(policies), (records) => computeSlaStates(records, policies, calendars, now.getTime()), now);
}
