import type { CustomerFields, Repositories } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";

/** How far up a parent chain is followed looking for a cycle (account hierarchies are shallow). */
const maxDepth = 100;

function unknownReference(field: string, message: string): AppError {
  return new AppError("unknown_reference", "invalid_input", message, { field });
}

/**
 * The owner must be an enabled user of the workspace; the parent account a
 * customer of the workspace, neither the customer itself nor one of its own
 * descendants (no cycles in the account hierarchy). Only the fields given
 * (non-null) are checked; `selfId` is the customer being changed, if any.
 */
export async function checkCustomerReferences(
  ctx: RequestContext,
  tx: Pick<Repositories, "users" | "customers">,
  fields: Pick<Partial<CustomerFields>, "ownerUserId" | "parentCustomerId">,
  selfId: string | null,
): Promise<void> {
  if (fields.ownerUserId) {
    const owner = await tx.users.findById(ctx.workspaceId, fields.ownerUserId);
    if (!owner) throw unknownReference("owner_user_id", `owner_user_id: no user "${fields.ownerUserId}" in this workspace`);
    if (owner.disabledAt) throw unknownReference("owner_user_id", `owner_user_id: user "${fields.ownerUserId}" is disabled`);
  }
  if (fields.parentCustomerId) {
    let ancestor: string | null = fields.parentCustomerId;
    for (let depth = 0; ancestor !== null && depth < maxDepth; depth++) {
      if (ancestor === selfId) throw unknownReference("parent_customer_id", "parent_customer_id: a customer cannot be its own parent or the parent of its own parent account");
      const parent = await tx.customers.findById(ctx.workspaceId, ancestor);
      if (!parent) {
        if (depth === 0) throw unknownReference("parent_customer_id", `parent_customer_id: no customer "${fields.parentCustomerId}" in this workspace`);
        return;
      }
      ancestor = parent.parentCustomerId;
    }
  }
}
