import { revealPurposesByRole, roleHasPermission, workspacePurposes, type Customer, type Repositories } from "@tenure/domain";
import type { Purpose, RequestContext } from "@tenure/shared";

/** Why personal data stays masked, or `allowed`. */
export type PurposeDecision =
  | { allowed: true }
  | { allowed: false; reason: "no_purpose" | "role_not_allowed" | "purpose_not_enabled" | "consent_withdrawn" };

/**
 * May this caller use this customer's personal data for `purpose`? Yes when
 * a purpose is declared, the workspace accepts it, the role may read
 * personal data for it, and the customer has not withdrawn consent for it
 * (no record = not withdrawn). For features that act on a purpose (sending
 * a survey for service, an offer for marketing); reads use revealPersonalData.
 */
export async function checkPurpose(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "consents"> },
  customer: Pick<Customer, "id">,
  purpose: Purpose | null,
): Promise<PurposeDecision> {
  const decisions = await decidePurposes(ctx, deps, [customer.id], purpose);
  return decisions.get(customer.id) ?? { allowed: false, reason: "no_purpose" };
}

/**
 * The part of checkPurpose that does not depend on the customer: a purpose
 * is declared, the role may read personal data for it and the workspace
 * accepts it. Not allowed → every customer's personal data is masked for
 * this caller (allowed → still masked for customers who withdrew consent).
 */
export async function decideCallerPurpose(ctx: RequestContext, deps: { repositories: Pick<Repositories, "consents"> }, purpose: Purpose | null): Promise<PurposeDecision> {
  if (purpose === null) return { allowed: false, reason: "no_purpose" };
  if (!roleHasPermission(ctx.role, "personal_data.read") || !revealPurposesByRole[ctx.role].includes(purpose)) return { allowed: false, reason: "role_not_allowed" };
  const settings = await deps.repositories.consents.workspaceSettings(ctx.workspaceId);
  return workspacePurposes(settings).includes(purpose) ? { allowed: true } : { allowed: false, reason: "purpose_not_enabled" };
}

/**
 * checkPurpose for many customers with two queries (workspace settings, latest
 * consents); `callerDecision`, when the caller has already made it for this
 * purpose (decideCallerPurpose), saves the first.
 */
export async function decidePurposes(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "consents"> },
  customerIds: readonly string[],
  purpose: Purpose | null,
  callerDecision?: PurposeDecision,
): Promise<Map<string, PurposeDecision>> {
  callerDecision ??= await decideCallerPurpose(ctx, deps, purpose);
  // (no purpose is never allowed; the test narrows the type)
  if (!callerDecision.allowed || purpose === null) return new Map(customerIds.map((id) => [id, callerDecision]));
  const withdrawn = await deps.repositories.consents.withdrawnPurposes(ctx.workspaceId, customerIds);
  return new Map(
    customerIds.map((id): [string, PurposeDecision] => [id, withdrawn.get(id)?.has(purpose) ? { allowed: false, reason: "consent_withdrawn" } : { allowed: true }]),
  );
}
