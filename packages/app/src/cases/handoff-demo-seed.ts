import type { DemoHandoffPlan, Repositories } from "@tenure/domain";
import type { RequestContext, Role } from "@tenure/shared";
import { decideHandoff } from "./handoff-decide.ts";
import { requestHandoff } from "./handoff-request.ts";
import { linkCaseToKnownProblem } from "./known-problem-link.ts";
import { saveKnownProblem } from "./known-problem-save.ts";
import { saveResponsibility } from "./responsibility-map-save.ts";
import { saveBusinessCalendar } from "./sla/save-business-calendar.ts";
import { saveSlaPolicy } from "./sla/save-sla-policy.ts";

/**
 * Apply the demo's SLA set-up, responsibility map, known problems and
 * handoffs (planDemoHandoffs) through the real use cases, each handoff
 * requested by its sender and accepted by its receiver. Returns what it made.
 */
export async function seedDemoHandoffs(
  deps: { repositories: Pick<Repositories, "slas" | "handoffs" | "knownProblems" | "transaction" | "cases" | "customers" | "assignments"> },
  workspaceId: string,
  plan: DemoHandoffPlan,
  roles: ReadonlyMap<string, Role>,
  now: Date,
): Promise<{ policies: number; knownProblems: number; linkedCases: number; handoffs: number }> {
  const as = (actorId: string): RequestContext => ({ workspaceId, actorId, role: roles.get(actorId) ?? "admin", purpose: null, requestId: "demo:handoffs" });
  const admin = as("system:demo");
  await saveBusinessCalendar(admin, deps, { name: plan.calendar.name, timeZone: null, teamId: null, isDefault: true, hours: plan.calendar.hours, holidays: plan.calendar.holidays }, undefined, now);
  for (const policy of plan.policies) await saveSlaPolicy(admin, deps, policy, undefined, now);
  for (const r of plan.responsibilities) await saveResponsibility(admin, deps, { userId: r.userId, teamId: r.teamId, skills: r.skills, productIds: [], languages: ["en"], lead: r.lead, maxOpenCases: null }, undefined, now);
  let linkedCases = 0;
  for (const p of plan.knownProblems) {
    const problem = await saveKnownProblem(admin, deps, { productId: p.productId, title: p.title, description: p.description, workaround: p.workaround, fixStatus: p.fixStatus }, undefined, now);
    for (const caseId of p.caseIds) {
      await linkCaseToKnownProblem(admin, deps, caseId, problem.id);
      linkedCases++;
    }
  }
  for (const h of plan.handoffs) {
    const handoff = await requestHandoff(as(h.fromUserId), deps, h.caseId, { toUserId: h.toUserId, toTeamId: h.toTeamId, brief: h.brief }, h.requestedAt);
    if (h.acceptedAt) await decideHandoff(as(h.toUserId), deps, { caseId: h.caseId, handoffId: handoff.id, decision: "accept" }, h.acceptedAt);
  }
  return { policies: plan.policies.length, knownProblems: plan.knownProblems.length, linkedCases, handoffs: plan.handoffs.length };
}
