import { formatLetterDate, type CaseRecovery, type Repositories } from "@tenure/domain";
import type { RecoveryLetterDocument } from "./render-recovery-letter-pdf.ts";

/** What the PDF of this recovery's letter shows on `date`: signed when approved, a draft otherwise. */
export async function recoveryLetterDocument(tx: Pick<Repositories, "recoveries">, recovery: CaseRecovery, date: Date): Promise<RecoveryLetterDocument> {
  const letterhead = (await tx.recoveries.letterhead(recovery.workspaceId)) ?? { company: "", timeZone: "UTC" };
  return {
    locale: recovery.locale,
    company: letterhead.company,
    date: formatLetterDate(recovery.locale, date, letterhead.timeZone),
    subject: recovery.letterSubject ?? "",
    body: recovery.letterBody ?? "",
    signer: recovery.approvedAt !== null && recovery.signerName !== null ? { name: recovery.signerName, title: recovery.signerTitle } : null,
  };
}

/** The letter as plain text (the email's body): date, text, signature. */
export function recoveryLetterPlainText(letter: RecoveryLetterDocument): string {
  const signature = letter.signer === null ? [] : ["", letter.signer.name, ...(letter.signer.title ? [letter.signer.title] : []), letter.company];
  return [letter.date, "", letter.body, ...signature, ""].join("\n");
}
