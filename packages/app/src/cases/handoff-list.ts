import type { Handoff, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { actorUserId, authorize } from "../security/authorize.ts";
import { handoffCaseOrThrow, type HandoffCaseRepositories } from "./handoff-access.ts";

/** Every handoff of a case, oldest first, with its brief. */
export async function listCaseHandoffs(ctx: RequestContext, deps: { repositories: HandoffCaseRepositories }, caseId: string): Promise<Handoff[]> {
  await handoffCaseOrThrow(ctx, deps.repositories, "cases.read", caseId);
  return deps.repositories.handoffs.listCaseHandoffs(ctx.workspaceId, caseId);
}

/**
 * Handoffs waiting for the caller to accept, oldest first (the receiver's
 * inbox). No case row rule: a handoff addressed to the caller is what lets
 * them read its brief before the case is theirs.
 */
export async function listMyPendingHandoffs(ctx: RequestContext, deps: { repositories: Pick<Repositories, "handoffs"> }, limit = 100): Promise<Handoff[]> {
  authorize(ctx, "cases.read");
  return deps.repositories.handoffs.listPendingHandoffsTo(ctx.workspaceId, actorUserId(ctx), Math.min(Math.max(limit, 1), 500));
}
