import type { Repositories } from "@tenure/domain";
import { newId, notFound, type RequestContext } from "@tenure/shared";
import { actorOf, caseForCaller, caseNotFound } from "./case-access.ts";

/**
 * Link a case to a known problem (replacing any earlier link), or unlink it
 * with null; recorded as the case event linked_problem (data: the problem id,
 * null when unlinked).
 */
export async function linkCaseToKnownProblem(ctx: RequestContext, deps: { repositories: Pick<Repositories, "knownProblems" | "transaction" | "cases" | "customers" | "assignments"> }, caseId: string, knownProblemId: string | null, now: Date = new Date()): Promise<void> {
  await deps.repositories.transaction(async (tx) => {
    await caseForCaller(ctx, tx, "cases.write", caseId, { forUpdate: true });
    if (knownProblemId !== null && !(await tx.knownProblems.find(ctx.workspaceId, knownProblemId, { forUpdate: true }))) throw notFound("known_problem_not_found", `Known problem ${knownProblemId} does not exist.`, { id: knownProblemId });
    if (!(await tx.knownProblems.linkCase(ctx.workspaceId, caseId, knownProblemId))) throw caseNotFound(caseId);
    await tx.cases.addEvents([
      { workspaceId: ctx.workspaceId, id: newId("caseEvent", now.getTime()), caseId, kind: "linked_problem", fromStatus: null, toStatus: null, actorUserId: actorOf(ctx), body: null, data: { known_problem_id: knownProblemId }, occurredAt: now },
    ]);
  });
}
