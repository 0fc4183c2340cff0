import { computeSlaStates, slaAttributeKeys, type CaseSlaState, type Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { caseForCaller, caseNotFound } from "../case-access.ts";

/**
 * The SLA clocks of one case as of `now`, computed fresh from its history
 * (the same computation the bulk recompute stores); alerts already raised
 * are listed with listSlaAlerts.
 */
export async function getCaseSla(ctx: RequestContext, deps: { repositories: Pick<Repositories, "slas" | "cases" | "customers" | "assignments"> }, caseId: string, now: Date = new Date()): Promise<CaseSlaState[]> {
  await caseForCaller(ctx, deps.repositories, "cases.read", caseId);
  const slas = deps.repositories.slas;
  const [policies, calendars] = await Promise.all([slas.listPolicies(ctx.workspaceId), slas.listCalendars(ctx.workspaceId)]);
  const record = await slas.loadCase(ctx.workspaceId, caseId, slaAttributeKeys(policies));
  if (!record) throw caseNotFound(caseId);
  return computeSlaStates([record], policies, calendars, now.getTime());
}
