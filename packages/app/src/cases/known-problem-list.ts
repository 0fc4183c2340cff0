import type { KnownProblem, KnownProblemFixStatus, Repositories } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** Known problems, most recently changed first, with the number of linked cases. */
export async function listKnownProblems(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "knownProblems"> },
  query: { fixStatus?: KnownProblemFixStatus; productId?: string; limit?: number },
): Promise<KnownProblem[]> {
  authorize(ctx, "cases.read");
  return deps.repositories.knownProblems.list(ctx.workspaceId, { fixStatus: query.fixStatus ?? null, productId: query.productId ?? null, limit: Math.min(Math.max(query.limit ?? 100, 1), 500) });
}

/** One known problem. */
export async function getKnownProblem(ctx: RequestContext, deps: { repositories: Pick<Repositories, "knownProblems"> }, id: string): Promise<KnownProblem> {
  authorize(ctx, "cases.read");
  const problem = await deps.repositories.knownProblems.find(ctx.workspaceId, id);
  if (!problem) throw notFound("known_problem_not_found", `Known problem ${id} does not exist.`, { id });
  return problem;
}

/** Delete a known problem; its cases lose the link (the foreign key sets it null). */
export async function deleteKnownProblem(ctx: RequestContext, deps: { repositories: Pick<Repositories, "knownProblems"> }, id: string): Promise<void> {
  authorize(ctx, "cases.configure");
  if (!(await deps.repositories.knownProblems.delete(ctx.workspaceId, id))) throw notFound("known_problem_not_found", `Known problem ${id} does not exist.`, { id });
}
