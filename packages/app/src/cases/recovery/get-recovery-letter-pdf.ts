import { AppError, type RequestContext } from "@tenure/shared";
import { loadCaseFor, recoveryNotFound, type RecoveryRepositories } from "./recovery-access.ts";
import { recoveryLetterDocument } from "./recovery-letter-document.ts";
import { renderRecoveryLetterPdf } from "./render-recovery-letter-pdf.ts";
import { revealRecoveryLetter } from "./reveal-recovery-letter.ts";

/**
 * The recovery letter as PDF: exactly the stored file once sent, otherwise
 * rendered now from the current text (marked as a draft until approved). A
 * PDF cannot be masked, so it needs an allowed purpose (personal_data_masked
 * otherwise), and every download is audited as a personal-data read. An
 * erased customer's letter is gone (letter_erased).
 */
export async function getRecoveryLetterPdf(ctx: RequestContext, deps: { repositories: RecoveryRepositories }, caseId: string, now: Date = new Date()): Promise<{ pdf: Uint8Array; sent: boolean }> {
  return deps.repositories.transaction(async (tx) => {
    const { customer } = await loadCaseFor(ctx, tx, "cases.read", caseId);
    const recovery = await tx.recoveries.find(ctx.workspaceId, caseId);
    if (recovery === null) throw recoveryNotFound(caseId);
    if (customer.erasedAt !== null) {
      throw new AppError("letter_erased", "not_found", `The customer was erased on ${customer.erasedAt.toISOString()}: the letter is gone`, { field: "id" });
    }
    if (recovery.letterBody === null) throw new AppError("letter_not_drafted", "not_found", "The recovery has no letter yet (record the root cause and the corrective action)", { field: "id" });
    if (!(await revealRecoveryLetter(ctx, tx, customer, { caseId, format: "pdf" }))) {
      throw new AppError("personal_data_masked", "forbidden", "The letter holds the customer's personal data: declare a purpose you may use for this customer (X-Purpose: service)", {
        field: "x-purpose",
      });
    }
    if (recovery.sentAt !== null) {
      const stored = await tx.recoveries.sentLetter(ctx.workspaceId, caseId);
      if (stored !== null) return { pdf: stored, sent: true };
    }
    return { pdf: await renderRecoveryLetterPdf(await recoveryLetterDocument(tx, recovery, now)), sent: false };
  });
}
