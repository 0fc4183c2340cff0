import type { FollowUpTask, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize, customerScopeOf } from "../security/authorize.ts";

/**
 * Open follow-up tasks, earliest due first; with `overdue`, only those past
 * due. A rep sees the tasks of its own customers; an agent the tasks
 * assigned to it as owner.
 */
export async function listFollowUps(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "surveys"> },
  input: { overdue: boolean; limit?: number },
  now: Date = new Date(),
): Promise<FollowUpTask[]> {
  authorize(ctx, "customers.read");
  const scope = customerScopeOf(ctx);
  return deps.repositories.surveys.listOpenFollowUps(ctx.workspaceId, {
    now,
    overdue: input.overdue,
    ownerUserId: scope.kind === "all" ? null : scope.userId,
    limit: Math.min(Math.max(input.limit ?? 100, 1), 500),
  });
}
