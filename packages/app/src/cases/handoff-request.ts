import { validateHandoffBrief, type Handoff, type HandoffBrief, type Repositories } from "@tenure/domain";
import { AppError, invalidInput, newId, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";
import { throwIfFieldErrors } from "./sla/sla-field-errors.ts";
import { handoffCaseOrThrow, type HandoffCaseRepositories } from "./handoff-access.ts";

/**
 * Ask `toUserId` to take a case, with the brief they read first. The owner
 * stays on the case (as its watcher) until the receiver accepts. Refused
 * with field errors for an incomplete brief, conflict when the case is
 * closed or already has a handoff pending.
 */
export async function requestHandoff(
  ctx: RequestContext,
  deps: { repositories: HandoffCaseRepositories & Pick<Repositories, "transaction"> },
  caseId: string,
  input: { toUserId: string; toTeamId: string | null; brief: Partial<HandoffBrief> },
  now: Date = new Date(),
): Promise<Handoff> {
  authorize(ctx, "cases.write");
  const errors = validateHandoffBrief(input.brief);
  throwIfFieldErrors(errors.map((e) => ({ field: `brief.${e.field}`, message: e.message })));
  return deps.repositories.transaction(async (tx) => {
    const found = await handoffCaseOrThrow(ctx, tx, "cases.write", caseId, true);
    if (found.status === "resolved" || found.status === "closed") throw new AppError("case_not_open", "conflict", `Case ${caseId} is ${found.status}; reopen it before handing it off.`, { status: found.status });
    if (input.toUserId === found.ownerUserId) throw invalidInput("to_user_id", "The case already belongs to this person.");
    if (!(await tx.handoffs.userExists(ctx.workspaceId, input.toUserId))) throw invalidInput("to_user_id", `User ${input.toUserId} does not exist or is disabled.`);
    const brief = input.brief as HandoffBrief;
    const handoff: Handoff = {
      workspaceId: ctx.workspaceId,
      id: newId("handoff", now.getTime()),
      caseId,
      fromUserId: found.ownerUserId,
      toUserId: input.toUserId,
      toTeamId: input.toTeamId,
      brief: { problem: brief.problem.trim(), tried: brief.tried.trim(), customerMood: brief.customerMood.trim(), promised: brief.promised.trim() },
      status: "pending",
      requestedBy: ctx.actorId,
      requestedAt: now,
      decidedAt: null,
    };
    await tx.handoffs.insertHandoff(handoff);
    await tx.handoffs.recordCaseEvent(ctx.workspaceId, { caseId, kind: "handoff_requested", actorId: ctx.actorId, occurredAt: now, data: { handoff_id: handoff.id, to_user_id: handoff.toUserId, from_user_id: handoff.fromUserId } });
    return handoff;
  });
}
