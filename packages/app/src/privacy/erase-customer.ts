import type { ErasureCounts, Repositories } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import { authorize } from "../security/authorize.ts";
import { customerNotFound } from "../customers/customer-not-found.ts";

export interface ErasureResult extends ErasureCounts {
  customerId: string;
  erasedAt: Date;
}

/**
 * Erase a customer's personal data (right to erasure), irreversibly, in one
 * transaction: name, e-mail, phone and external id nulled, personal
 * attributes removed, contacts blanked, timeline pseudonymised (personal
 * keys and any value repeating the erased data removed), cases' free text,
 * handoff briefs and recovery letters (text, address, PDF) blanked. Orders, amounts,
 * scores and consents stay, so aggregates do not change. Admins only;
 * recorded in the audit trail (which never held the values). Erasing twice
 * is a conflict (already_erased).
 */
export async function eraseCustomer(ctx: RequestContext, deps: { repositories: Pick<Repositories, "transaction"> }, input: { customerId: string; now?: Date }): Promise<ErasureResult> {
  authorize(ctx, "customers.erase");
  const now = input.now ?? new Date();
  return deps.repositories.transaction(async (tx) => {
    const customer = await tx.customers.findById(ctx.workspaceId, input.customerId, { forUpdate: true });
    if (!customer) throw customerNotFound(input.customerId);
    if (customer.erasedAt) {
      throw new AppError("already_erased", "conflict", `Customer ${customer.id} was erased at ${customer.erasedAt.toISOString()}`, { field: "id" });
    }
    const outcome = await tx.dataSubjects.erase(ctx.workspaceId, customer.id, now);
    await tx.audit.append([
      auditEntry(ctx, "customer.erase", customer.id, ["*"], {
        events_pseudonymised: outcome.eventsPseudonymised,
        contacts_erased: outcome.contactsErased,
        cases_erased: outcome.casesErased,
        recovery_letters_erased: outcome.recoveryLettersErased,
        survey_answers_erased: outcome.surveyAnswersErased,
        feedback_items_erased: outcome.feedbackItemsErased,
      }),
    ]);
    return { customerId: customer.id, erasedAt: now, ...outcome };
  });
}
