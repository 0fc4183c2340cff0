import type { Customer, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { auditEntry } from "../../security/audit-entry.ts";
import { checkPurpose } from "../../security/check-purpose.ts";

/** The letter's fields that name and address the customer. */
export const recoveryLetterFields = ["recovery.letter_body", "recovery.sent_to"] as const;

/**
 * May the caller read this customer's recovery letter unmasked? The same
 * rule as every personal-data read (docs/security.md): a declared purpose
 * that the workspace, the role and the customer's consents allow. A yes is
 * audited (personal_data.read naming the letter's fields and `format`).
 */
export async function revealRecoveryLetter(
  ctx: RequestContext,
  tx: Pick<Repositories, "consents" | "audit">,
  customer: Customer,
  details: { caseId: string; format: "json" | "pdf" },
): Promise<boolean> {
  const decision = await checkPurpose(ctx, { repositories: tx }, customer, ctx.purpose);
  if (!decision.allowed) return false;
  await tx.audit.append([auditEntry(ctx, "personal_data.read", customer.id, [...recoveryLetterFields], { case_id: details.caseId, format: details.format })]);
  return true;
}
