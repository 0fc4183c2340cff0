import type { Handoff, Repositories } from "@tenure/domain";
import { AppError, notFound, type RequestContext } from "@tenure/shared";
import { actorUserId, authorize } from "../security/authorize.ts";

/**
 * Accept or cancel a pending handoff. Only the receiver accepts: then the
 * case's owner (and team, when the handoff names one) change, the case's
 * handoff count goes up by one and a handoff_accepted event is recorded.
 * The sender, the receiver, an admin or a manager may cancel; the owner
 * stays. A decided handoff answers conflict. No case row rule here: the
 * receiver does not own (or support) the case until accepting it.
 */
export async function decideHandoff(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "handoffs" | "transaction"> },
  input: { caseId: string; handoffId: string; decision: "accept" | "cancel" },
  now: Date = new Date(),
): Promise<Handoff> {
  authorize(ctx, "cases.write");
  return deps.repositories.transaction(async (tx) => {
    const handoff = await tx.handoffs.findHandoff(ctx.workspaceId, input.handoffId, { forUpdate: true });
    if (!handoff || handoff.caseId !== input.caseId) throw notFound("handoff_not_found", `Handoff ${input.handoffId} of case ${input.caseId} does not exist.`, { handoffId: input.handoffId });
    if (handoff.status !== "pending") throw new AppError("handoff_decided", "conflict", `Handoff ${handoff.id} is already ${handoff.status}.`, { status: handoff.status });
    const me = actorUserId(ctx);
    if (input.decision === "accept" && me !== handoff.toUserId) throw new AppError("not_the_receiver", "forbidden", "Only the person the case is handed to can accept it.", { toUserId: handoff.toUserId });
    const mayCancel = me === handoff.toUserId || me === handoff.fromUserId || ctx.actorId === handoff.requestedBy || ctx.role === "admin" || ctx.role === "manager";
    if (input.decision === "cancel" && !mayCancel) throw new AppError("not_a_party", "forbidden", "Only the sender, the receiver or a manager can cancel a handoff.", {});
    const status = input.decision === "accept" ? "accepted" : "cancelled";
    await tx.handoffs.decideHandoff(ctx.workspaceId, handoff.id, status, now);
    if (status === "accepted") await tx.handoffs.transferCase(ctx.workspaceId, handoff.caseId, { userId: handoff.toUserId, teamId: handoff.toTeamId });
    await tx.handoffs.recordCaseEvent(ctx.workspaceId, {
      caseId: handoff.caseId,
      kind: status === "accepted" ? "handoff_accepted" : "handoff_cancelled",
      actorId: ctx.actorId,
      occurredAt: now,
      data: { handoff_id: handoff.id, from_user_id: handoff.fromUserId, to_user_id: handoff.toUserId },
    });
    return { ...handoff, status, decidedAt: now };
  });
}
