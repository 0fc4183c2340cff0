import { customerFieldApiName, customerFieldNames, validateCustomerFields, type Customer, type CustomerFields, type Repositories } from "@tenure/domain";
import { AppError, newId, type RequestContext } from "@tenure/shared";
import { auditEntry } from "../security/audit-entry.ts";
import { authorize, authorizeCustomer, customerScopeOf } from "../security/authorize.ts";
import { checkCustomerReferences } from "./check-customer-references.ts";
import { revealPersonalData } from "../security/reveal-personal-data.ts";
import { customerNotFound } from "./customer-not-found.ts";

export interface UpdateCustomerInput {
  id: string;
  /**
   * Fields to change; absent fields are kept. `attributes` merges into the
   * stored attributes (RFC 7396 style): a key set to null is removed.
   */
  changes: Partial<CustomerFields>;
  /** The version the caller last read (If-Match); null to skip the check. */
  expectedVersion: number | null;
}

/**
 * Apply a partial update under optimistic concurrency: a stale
 * `expectedVersion` is a conflict (code version_conflict). A change bumps the
 * version and records `customer.updated` with the changed field names; an
 * update that changes nothing writes nothing and returns the customer as is.
 */
export async function updateCustomer(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction"> },
  input: UpdateCustomerInput,
  options: { source?: string; now?: Date } = {},
): Promise<Customer> {
  authorize(ctx, "customers.update");
  validateCustomerFields(input.changes);
  return deps.repositories.transaction(async (tx) => {
    const current = await tx.customers.findById(ctx.workspaceId, input.id, { forUpdate: true });
    if (!current) throw customerNotFound(input.id);
    await authorizeCustomer(ctx, { repositories: tx }, "customers.update", current);
    if (customerScopeOf(ctx).kind !== "all" && input.changes.ownerUserId !== undefined && input.changes.ownerUserId !== current.ownerUserId) {
      throw new AppError("permission_denied", "forbidden", "Only an admin or manager may move a customer to another owner", { field: "owner_user_id" });
    }
    if (current.erasedAt) throw new AppError("customer_erased", "conflict", "The customer's personal data was erased; it cannot be changed", { field: "id" });
    if (input.expectedVersion !== null && input.expectedVersion !== current.version) {
      throw new AppError("version_conflict", "conflict", `The customer has changed (version ${current.version}, If-Match ${input.expectedVersion}); read it again`, {
        field: "If-Match",
        currentVersion: current.version,
      });
    }
    const { ownerUserId, parentCustomerId } = input.changes;
    await checkCustomerReferences(
      ctx,
      tx,
      { ownerUserId: ownerUserId !== current.ownerUserId ? ownerUserId : null, parentCustomerId: parentCustomerId !== current.parentCustomerId ? parentCustomerId : null },
      current.id,
    );
    const next: Partial<CustomerFields> = { ...input.changes };
    if (input.changes.attributes) next.attributes = mergeAttributes(current.attributes, input.changes.attributes);
    const changed = customerFieldNames.filter((f) => next[f] !== undefined && JSON.stringify(next[f]) !== JSON.stringify(current[f]));
    const show = async (customer: Customer) => (await revealPersonalData(ctx, { repositories: tx }, [{ customer }]))[0]?.customer ?? customer;
    if (changed.length === 0) return show(current);
    const updated = await tx.customers.update(ctx.workspaceId, input.id, Object.fromEntries(changed.map((f) => [f, next[f]])));
    await tx.customers.addEvent({
      workspaceId: ctx.workspaceId,
      id: newId("event"),
      customerId: input.id,
      type: "customer.updated",
      occurredAt: options.now ?? new Date(),
      source: options.source ?? "api",
      summary: `Customer updated: ${changed.map(customerFieldApiName).join(", ")}`,
      properties: { actor_id: ctx.actorId, fields: changed.map(customerFieldApiName), version: updated.version },
    });
    await tx.audit.append([auditEntry(ctx, "customer.update", input.id, changed.map(customerFieldApiName), { version: updated.version })]);
    return show(updated);
  });
}

function mergeAttributes(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
