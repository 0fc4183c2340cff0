import { fillRecoveryLetter, type CaseRecovery, type Customer, type RecoveryCase, type RecoveryLetterText, type Repositories } from "@tenure/domain";
import { AppError } from "@tenure/shared";

/** The name a letter is addressed to: the case's contact, else the customer. */
export function addresseeName(recoveryCase: RecoveryCase, customer: Customer): string {
  return recoveryCase.contact?.name?.trim() || customer.name?.trim() || "";
}

/**
 * The letter drafted from the workspace's template for the recovery's
 * language (or the default one), filled with this customer's specifics.
 * Needs the root cause and the corrective action (invalid_input naming them).
 */
export async function draftRecoveryLetter(
  tx: Pick<Repositories, "recoveries">,
  recovery: CaseRecovery,
  recoveryCase: RecoveryCase,
  customer: Customer,
): Promise<RecoveryLetterText> {
  const missing = [recovery.rootCause === null ? "root_cause" : null, recovery.correctiveAction === null ? "corrective_action" : null].filter((f) => f !== null);
  if (missing.length > 0) {
    throw new AppError("invalid_input", "invalid_input", `The letter needs ${missing.join(" and ")} first`, { field: missing[0] ?? "root_cause", missing });
  }
  const letterhead = (await tx.recoveries.letterhead(recovery.workspaceId)) ?? { company: "", timeZone: "UTC" };
  const template = await tx.recoveries.template(recovery.workspaceId, recovery.locale);
  return fillRecoveryLetter(
    recovery.locale,
    {
      customerName: addresseeName(recoveryCase, customer),
      caseSubject: recoveryCase.subject,
      caseOpenedAt: recoveryCase.openedAt,
      whatWentWrong: recovery.whatWentWrong,
      rootCause: recovery.rootCause ?? "",
      correctiveAction: recovery.correctiveAction ?? "",
      goodwill: recovery.goodwill,
      company: letterhead.company,
      timeZone: letterhead.timeZone,
    },
    template ?? undefined,
  );
}
