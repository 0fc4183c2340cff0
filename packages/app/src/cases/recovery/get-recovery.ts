import { maskEmail, maskText, roleHasPermission, type CaseRecovery } from "@tenure/domain";
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
 * customer; an unmasked read is audited. The free-text facts are hidden from
 * roles that may not read personal data at all (analysts).
 */
export async function getRecovery(ctx: RequestContext, deps: { repositories: RecoveryRepositories }, caseId: string): Promise<RecoveryView> {
  return deps.repositories.transaction(async (tx) => {
    const { customer } = await loadCaseFor(ctx, tx, "cases.read", caseId);
    const recovery = await tx.recoveries.find(ctx.workspaceId, caseId);
    if (recovery === null) throw recoveryNotFound(caseId);
    const facts = roleHasPermission(ctx.role, "personal_data.read") ? recovery : withoutFreeText(recovery);
    const shown = recovery.letterBody === null && recovery.sentTo === null ? false : await revealRecoveryLetter(ctx, tx, customer, { caseId, format: "json" });
    if (shown) return { recovery: facts, personalDataShown: true };
    return {
      recovery: { ...facts, letterBody: recovery.letterBody === null ? null : maskText(recovery.letterBody), sentTo: recovery.sentTo === null ? null : maskEmail(recovery.sentTo) },
      personalDataShown: false,
    };
  });
}

/** Free text may name people: a role that may not read personal data sees it masked, as case descriptions are. */
function withoutFreeText(r: CaseRecovery): CaseRecovery {
  const mask = (v: string | null): string | null => (v === null ? null : maskText(v));
  return { ...r, whatWentWrong: maskText(r.whatWentWrong), rootCause: mask(r.rootCause), correctiveAction: mask(r.correctiveAction), goodwill: mask(r.goodwill), followUpNote: mask(r.followUpNote) };
}
