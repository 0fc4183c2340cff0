import type { Repositories, ResponsibilityEntry } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** The whole responsibility map, by team and user. */
export async function listResponsibilities(ctx: RequestContext, deps: { repositories: Pick<Repositories, "handoffs"> }): Promise<ResponsibilityEntry[]> {
  authorize(ctx, "cases.configure");
  return deps.repositories.handoffs.listResponsibilities(ctx.workspaceId);
}

/** Remove one line of the responsibility map. */
export async function deleteResponsibility(ctx: RequestContext, deps: { repositories: Pick<Repositories, "handoffs"> }, id: string): Promise<void> {
  authorize(ctx, "cases.configure");
  if (!(await deps.repositories.handoffs.deleteResponsibility(ctx.workspaceId, id))) throw notFound("responsibility_not_found", `Responsibility ${id} does not exist.`, { id });
}
