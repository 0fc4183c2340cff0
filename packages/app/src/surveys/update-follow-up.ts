import { followUpChangeProblem, type FollowUpStatus, type FollowUpTask, type Repositories } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { authorize, authorizeCustomer } from "../security/authorize.ts";

function followUpNotFound(id: string): AppError {
  return new AppError("follow_up_not_found", "not_found", `No follow-up ${id} in this workspace`, { field: "id" });
}

/**
 * Move a follow-up along open → in_progress → done or cancelled, with an
 * outcome (required when done). The caller needs follow_ups.update on the
 * task's customer (a rep only its own customers, an agent those it
 * supports); a task outside the caller's rows is not found. A closed task
 * cannot change.
 */
export async function updateFollowUp(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction" | "surveys" | "customers" | "assignments"> },
  input: { id: string; status: FollowUpStatus; outcome?: string | null },
  now: Date = new Date(),
): Promise<FollowUpTask> {
  authorize(ctx, "follow_ups.update");
  return deps.repositories.transaction(async (tx) => {
    const task = await tx.surveys.findFollowUp(ctx.workspaceId, input.id, { forUpdate: true });
    const customer = task === null ? null : await tx.customers.findById(ctx.workspaceId, task.customerId);
    if (task === null || customer === null) throw followUpNotFound(input.id);
    try {
      await authorizeCustomer(ctx, { repositories: tx }, "follow_ups.update", customer);
    } catch (error) {
      if (error instanceof AppError && error.category === "not_found") throw followUpNotFound(input.id);
      throw error;
    }
    const outcome = input.outcome === undefined ? task.outcome : input.outcome === null ? null : input.outcome.trim() || null;
    const problem = followUpChangeProblem(task.status, input.status, outcome);
    if (problem !== null) throw new AppError(problem.field === "status" ? "follow_up_transition" : "invalid_follow_up", problem.field === "status" ? "conflict" : "invalid_input", problem.message, { field: problem.field });
    const closed = input.status === "done" || input.status === "cancelled";
    const closedAt = closed ? (task.closedAt ?? now) : null;
    await tx.surveys.updateFollowUp(ctx.workspaceId, task.id, { status: input.status, outcome, closedAt, updatedAt: now });
    return { ...task, status: input.status, outcome, closedAt };
  });
}
