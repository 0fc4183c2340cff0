import { isPurpose, type ConsentRecord, type ConsentStatus, type Repositories } from "@tenure/domain";
import { invalidInput, newId, type RequestContext } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import { authorizeCustomer } from "../security/authorize.ts";
import { customerNotFound } from "../customers/customer-not-found.ts";

export interface RecordConsentInput {
  customerId: string;
  purpose: string;
  status: ConsentStatus;
  /** Where the decision was made (api, web, import…); default api. */
  source?: string | undefined;
  /** When the customer decided; default now. Not in the future. */
  recordedAt?: Date | undefined;
  now?: Date;
}

/**
 * Record a customer's consent decision for one purpose. Records are never
 * changed: the new one becomes the state in force, the old ones stay as
 * history. Audited (consent.record).
 */
export async function recordConsent(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction"> },
  input: RecordConsentInput,
): Promise<ConsentRecord> {
  const now = input.now ?? new Date();
  if (!isPurpose(input.purpose)) throw invalidInput("purpose", "purpose must be one of service, sales, marketing, analytics, billing");
  if (input.status !== "granted" && input.status !== "withdrawn") throw invalidInput("status", "status must be granted or withdrawn");
  const recordedAt = input.recordedAt ?? now;
  if (recordedAt.getTime() > now.getTime() + 60_000) throw invalidInput("recorded_at", "recorded_at must not be in the future");
  const source = (input.source ?? "api").trim();
  if (!/^[a-z0-9_.-]{1,40}$/i.test(source)) throw invalidInput("source", "source must be 1 to 40 letters, digits, _ . or -");
  const purpose = input.purpose;
  return deps.repositories.transaction(async (tx) => {
    const customer = await tx.customers.findById(ctx.workspaceId, input.customerId);
    if (!customer) throw customerNotFound(input.customerId);
    await authorizeCustomer(ctx, { repositories: tx }, "consents.write", customer);
    const record: ConsentRecord = { id: newId("consent"), customerId: customer.id, purpose, status: input.status, recordedAt, source, actorId: ctx.actorId };
    await tx.consents.add([{ ...record, workspaceId: ctx.workspaceId }]);
    await tx.audit.append([auditEntry(ctx, "consent.record", customer.id, [`consent.${purpose}`], { status: input.status, source })]);
    return record;
  });
}
