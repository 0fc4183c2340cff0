import { auditEntry } from "../security/audit-entry.ts";
import { authorize, customerScopeOf } from "../security/authorize.ts";
import { revealPersonalData } from "../security/reveal-personal-data.ts";
import { checkCustomerReferences } from "./check-customer-references.ts";
import { customerFieldApiName, customerFieldNames, validateCustomerFields, type Customer, type CustomerFields, type Repositories } from "@tenure/domain";
import { AppError, newId, type RequestContext } from "@tenure/shared";

export type CreateCustomerInput = Partial<CustomerFields> & Pick<CustomerFields, "kind">;

/**
 * Create a customer and record `customer.created` on its timeline, in one
 * transaction. An external id already used in the workspace is a conflict
 * (code customer_exists, field external_id, details.existingId) — never an
 * overwrite; an unknown owner or parent is refused (unknown_reference).
 */
export async function createCustomer(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction"> },
  input: CreateCustomerInput,
  options: { source?: string; now?: Date } = {},
): Promise<Customer> {
  authorize(ctx, "customers.create");
  validateCustomerFields(input);
  // A rep creates accounts into its own portfolio.
  const scope = customerScopeOf(ctx);
  if (scope.kind === "owned") {
    if (input.ownerUserId !== undefined && input.ownerUserId !== null && input.ownerUserId !== scope.userId) {
      throw new AppError("permission_denied", "forbidden", "A rep may create customers only in its own portfolio", { field: "owner_user_id" });
    }
    input = { ...input, ownerUserId: scope.userId };
  }
  const id = newId("customer");
  const fields: CustomerFields = {
    externalId: input.externalId ?? null,
    kind: input.kind,
    name: input.name ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    country: input.country ?? null,
    timeZone: input.timeZone ?? null,
    locale: input.locale ?? null,
    accountType: input.accountType ?? null,
    industry: input.industry ?? null,
    sizeBand: input.sizeBand ?? null,
    ownerUserId: input.ownerUserId ?? null,
    parentCustomerId: input.parentCustomerId ?? null,
    attributes: input.attributes ?? {},
  };
  return deps.repositories.transaction(async (tx) => {
    await checkCustomerReferences(ctx, tx, fields, null);
    const result = await tx.customers.insert({ ...fields, id, workspaceId: ctx.workspaceId });
    if ("existingId" in result) {
      throw new AppError("customer_exists", "conflict", `A customer with external_id "${fields.externalId}" already exists`, {
        field: "external_id",
        existingId: result.existingId,
      });
    }
    await tx.customers.addEvent({
      workspaceId: ctx.workspaceId,
      id: newId("event"),
      customerId: id,
      type: "customer.created",
      occurredAt: options.now ?? new Date(),
      source: options.source ?? "api",
      summary: "Customer created",
      properties: {
        actor_id: ctx.actorId,
        fields: customerFieldNames.filter((f) => input[f] !== undefined).map(customerFieldApiName),
      },
    });
    const written = customerFieldNames.filter((f) => input[f] !== undefined).map(customerFieldApiName);
    await tx.audit.append([auditEntry(ctx, "customer.create", id, written)]);
    const [shown] = await revealPersonalData(ctx, { repositories: tx }, [{ customer: result.created }]);
    return shown?.customer ?? result.created;
  });
}
