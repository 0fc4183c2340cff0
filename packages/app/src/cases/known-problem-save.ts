import { nextFixedAt, type KnownProblem, type KnownProblemFixStatus, type Repositories } from "@tenure/domain";
import { invalidInput, newId, notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** A known problem as a caller writes it. */
export interface KnownProblemInput {
  productId: string | null;
  title: string;
  description: string;
  workaround: string | null;
  fixStatus: KnownProblemFixStatus;
}

/**
 * Create a known problem, or replace problem `id`. `fixedAt` follows the fix
 * status (set when it becomes fixed, cleared when it leaves fixed).
 */
export async function saveKnownProblem(ctx: RequestContext, deps: { repositories: Pick<Repositories, "knownProblems"> }, input: KnownProblemInput, id?: string, now: Date = new Date()): Promise<KnownProblem> {
  authorize(ctx, "cases.configure");
  const title = input.title.trim();
  const description = input.description.trim();
  if (title === "") throw invalidInput("title", "A known problem needs a title.");
  if (title.length > 200) throw invalidInput("title", "The title is too long: at most 200 characters.");
  if (description === "") throw invalidInput("description", "Describe the problem.");
  const repo = deps.repositories.knownProblems;
  if (input.productId !== null && !(await repo.productExists(ctx.workspaceId, input.productId))) throw invalidInput("product_id", `Product ${input.productId} does not exist.`);
  const existing = id ? await repo.find(ctx.workspaceId, id) : null;
  if (id && !existing) throw notFound("known_problem_not_found", `Known problem ${id} does not exist.`, { id });
  const problem: KnownProblem = {
    workspaceId: ctx.workspaceId,
    id: existing?.id ?? newId("knownProblem", now.getTime()),
    productId: input.productId,
    title,
    description,
    workaround: input.workaround?.trim() || null,
    fixStatus: input.fixStatus,
    fixedAt: nextFixedAt(existing, input.fixStatus, now),
    caseCount: existing?.caseCount ?? 0,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await repo.save(problem);
  return problem;
}
