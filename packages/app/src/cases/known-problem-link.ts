import type { Repositories } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** Link a case to a known problem (replacing any earlier link), or unlink it with null. */
export async function linkCaseToKnownProblem(ctx: RequestContext, deps: { repositories: Pick<Repositories, "knownProblems" | "transaction"> }, caseId: string, knownProblemId: string | null): Promise<void> {
  authorize(ctx, "cases.write");
  await deps.repositories.transaction(async (tx) => {
    if (knownProblemId !== null && !(await tx.knownProblems.find(ctx.workspaceId, knownProblemId, { forUpdate: true }))) throw notFound("known_problem_not_found", `Known problem ${knownProblemId} does not exist.`, { id: knownProblemId });
    if (!(await tx.knownProblems.linkCase(ctx.workspaceId, caseId, knownProblemId))) throw notFound("case_not_found", `Case ${caseId} does not exist.`, { caseId });
  });
}
