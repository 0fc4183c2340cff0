import { createHash } from "node:crypto";
import type { CaseRecovery } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { checkPurpose } from "../../security/check-purpose.ts";
import type { Mailer } from "../../surveys/mailer.ts";
import { loadRecoveryForChange, refuseAfterSent, stepRecord, type RecoveryRepositories } from "./recovery-access.ts";
import { recoveryLetterDocument, recoveryLetterPlainText } from "./recovery-letter-document.ts";
import { renderRecoveryLetterPdf } from "./render-recovery-letter-pdf.ts";

const day = 86_400_000;

/** Where the timeline links to the letter. */
export function recoveryLetterPath(caseId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/recovery/letter.pdf`;
}

/**
 * Send the approved letter by email: its text in the body, the signed PDF
 * attached, to the case's contact (else the customer). The PDF is stored
 * exactly as sent and linked from the timeline; the follow-up check falls
 * due followUpDays later. Refused when the letter is not approved
 * (letter_not_approved), there is no address (no_email), or the customer
 * withdrew consent to service contact (consent_withdrawn). The mail goes out
 * inside the transaction, so a refused send stores nothing.
 */
export async function sendRecoveryLetter(
  ctx: RequestContext,
  deps: { repositories: RecoveryRepositories; mailer: Mailer },
  input: { caseId: string },
  now: Date = new Date(),
): Promise<CaseRecovery> {
  return deps.repositories.transaction(async (tx) => {
    const { recoveryCase, customer, recovery } = await loadRecoveryForChange(ctx, tx, "cases.write", input.caseId);
    refuseAfterSent(recovery);
    if (recovery.approvedAt === null) throw new AppError("letter_not_approved", "conflict", "The letter must be approved by a manager before it is sent", { field: "id" });
    const to = recoveryCase.contact?.email?.trim() || customer.email?.trim() || "";
    if (to === "") throw new AppError("no_email", "conflict", "Neither the case's contact nor the customer has an email address", { field: "email" });
    const consent = await checkPurpose({ ...ctx, purpose: "service" }, { repositories: tx }, customer, "service");
    if (!consent.allowed) throw new AppError("consent_withdrawn", "conflict", `The letter cannot be emailed for the service purpose (${consent.reason})`, { field: "customer", reason: consent.reason });

    const letter = await recoveryLetterDocument(tx, recovery, now);
    const pdf = await renderRecoveryLetterPdf(letter);
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    const next: CaseRecovery = { ...recovery, sentAt: now, sentTo: to, followUpDueAt: new Date(now.getTime() + recovery.followUpDays * day), version: recovery.version + 1 };
    await tx.recoveries.storeSentLetter(ctx.workspaceId, recovery.caseId, pdf, sha256);
    await tx.recoveries.update(next);
    await tx.recoveries.recordSteps([
      stepRecord(ctx, next, "letter_sent", now, null, { letter: recoveryLetterPath(recovery.caseId), sha256, bytes: pdf.length, follow_up_due_at: next.followUpDueAt?.toISOString() }),
    ]);
    await deps.mailer.send({
      to,
      subject: letter.subject,
      text: recoveryLetterPlainText(letter),
      attachments: [{ filename: `letter-${recovery.caseId}.pdf`, contentType: "application/pdf", content: pdf }],
    });
    return next;
  });
}
