import { missingForApproval, type CaseRecovery } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { loadRecoveryForChange, refuseAfterSent, stepRecord, type RecoveryRepositories } from "./recovery-access.ts";

/**
 * A manager (permission recovery.approve) approves the letter and signs it
 * with their name and title (users.title). The approved text is frozen: an
 * edit afterwards withdraws the approval (updateRecovery). Only a signed-in
 * user, or a token bound to one, can sign: a role-only token cannot.
 * Needs acknowledgement, apology, root cause, corrective action and a letter
 * (recovery_incomplete names what is missing). Approving again is a no-op.
 */
export async function approveRecoveryLetter(ctx: RequestContext, deps: { repositories: RecoveryRepositories }, input: { caseId: string; expectedVersion?: number }, now: Date = new Date()): Promise<CaseRecovery> {
  return deps.repositories.transaction(async (tx) => {
    const { recovery } = await loadRecoveryForChange(ctx, tx, "recovery.approve", input.caseId);
    refuseAfterSent(recovery);
    if (input.expectedVersion !== undefined && input.expectedVersion !== recovery.version) {
      throw new AppError("version_conflict", "conflict", `The recovery has changed (version ${recovery.version}, you approved ${input.expectedVersion}); read the letter again`, {
        field: "version",
        currentVersion: recovery.version,
      });
    }
    if (recovery.approvedAt !== null) return recovery;
    const missing = missingForApproval(recovery);
    if (missing.length > 0) {
      throw new AppError("recovery_incomplete", "conflict", `The letter cannot be approved yet; missing: ${missing.join(", ")}`, { field: missing[0] ?? "letter", missing });
    }
    const signer = ctx.actorId.startsWith("usr_") ? await tx.recoveries.signer(ctx.workspaceId, ctx.actorId) : null;
    if (signer === null) {
      throw new AppError("signer_required", "forbidden", "A letter is signed by a person: approve it signed in as a user, or with a token bound to a user", { field: "authorization" });
    }
    const next: CaseRecovery = { ...recovery, approvedAt: now, approvedBy: ctx.actorId, signerName: signer.name, signerTitle: signer.title, version: recovery.version + 1 };
    await tx.recoveries.update(next);
    await tx.recoveries.recordSteps([stepRecord(ctx, next, "letter_approved", now, null, { signer_name: signer.name, signer_title: signer.title })]);
    return next;
  });
}
