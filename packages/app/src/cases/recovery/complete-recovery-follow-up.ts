import type { CaseRecovery } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { loadRecoveryForChange, stepRecord, type RecoveryRepositories } from "./recovery-access.ts";

/**
 * Record the follow-up check after the letter (did the fix hold, is the
 * customer content?): closes the recovery. Needs the letter sent first
 * (letter_not_sent); a second call is a conflict (follow_up_done).
 */
export async function completeRecoveryFollowUp(ctx: RequestContext, deps: { repositories: RecoveryRepositories }, input: { caseId: string; note: string }, now: Date = new Date()): Promise<CaseRecovery> {
  const note = input.note.trim();
  if (note === "") throw new AppError("invalid_input", "invalid_input", "note must say what the follow-up found", { field: "note" });
  return deps.repositories.transaction(async (tx) => {
    const { recovery } = await loadRecoveryForChange(ctx, tx, "cases.write", input.caseId);
    if (recovery.sentAt === null) throw new AppError("letter_not_sent", "conflict", "The follow-up comes after the letter was sent", { field: "id" });
    if (recovery.followUpDoneAt !== null) throw new AppError("follow_up_done", "conflict", "The follow-up was already recorded", { field: "id" });
    const next: CaseRecovery = { ...recovery, followUpDoneAt: now, followUpNote: note, version: recovery.version + 1 };
    await tx.recoveries.update(next);
    await tx.recoveries.recordSteps([stepRecord(ctx, next, "follow_up_done", now, note, { due_at: recovery.followUpDueAt?.toISOString() ?? null })]);
    return next;
  });
}
