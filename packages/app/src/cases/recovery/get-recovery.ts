import { maskEmail, maskText, type CaseRecovery } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { loadCaseFor, recoveryNotFound, type RecoveryRepositories } from "./recovery-access.ts";
import { revealRecoveryLetter } from "./reveal-recovery-letter.ts";

/** A recovery as the caller may see it. */
export interface RecoveryView {
  recovery: CaseRecovery;
  /** False when the letter's text and the address are masked (no allowed purpose declared). */
  personalDataShown: boolean;
}

/**
 * A case's recovery: steps, facts and letter. The letter names and
 * addresses the customer, so its body and the address it was sent to are
 * masked unless the request declares a purpose the caller may use for this
 * customer; an unmasked read is audited.
 */
export async function getRecovery(ctx: RequestContext, deps: { repositories: RecoveryRepositories }, caseId: string): Promise<RecoveryView> {
  return deps.repositories.transaction(async (tx) => {
    const { customer } = await loadCaseFor(ctx, tx, "cases.read", caseId);
    const recovery = await tx.recoveries.find(ctx.workspaceId, caseId);
    if (recovery === null) throw recoveryNotFound(caseId);
    const shown = recovery.letterBody === null && recovery.sentTo === null ? false : await revealRecoveryLetter(ctx, tx, customer, { caseId, format: "json" });
    if (shown) return { recovery, personalDataShown: true };
    return {
      recovery: { ...recovery, letterBody: recovery.letterBody === null ? null : maskText(recovery.letterBody), sentTo: recovery.sentTo === null ? null : maskEmail(recovery.sentTo) },
      personalDataShown: false,
    };
  });
}
