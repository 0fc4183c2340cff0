import { roleHasPermission, type Customer, type CustomerScope, type Permission, type Repositories } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { customerNotFound } from "../customers/customer-not-found.ts";

/**
 * The one permission check: every use case calls it first. Throws
 * `forbidden` (code permission_denied) when the caller's role lacks
 * `permission` in the matrix (packages/domain/src/security/permissions.ts).
 */
export function authorize(ctx: RequestContext, permission: Permission): void {
  if (!roleHasPermission(ctx.role, permission)) {
    throw new AppError("permission_denied", "forbidden", `The ${ctx.role} role may not do this (needs ${permission})`, { permission, role: ctx.role });
  }
}

/**
 * authorize() plus the row rule for one customer: a rep acts only on the
 * customers it owns, an agent only on those it looks after. A customer
 * outside the caller's rows answers customer_not_found, exactly like one of
 * another workspace, so its existence is not revealed.
 */
export async function authorizeCustomer(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "assignments"> },
  permission: Permission,
  customer: Customer,
): Promise<void> {
  authorize(ctx, permission);
  if (!(await isInScope(ctx, deps, customer))) throw customerNotFound(customer.id);
}

/** True when the customer is within the caller's rows (see customerScopeOf). */
export async function isInScope(ctx: RequestContext, deps: { repositories: Pick<Repositories, "assignments"> }, customer: Customer): Promise<boolean> {
  const scope = customerScopeOf(ctx);
  if (scope.kind === "all") return true;
  if (scope.kind === "owned") return customer.ownerUserId === scope.userId;
  return deps.repositories.assignments.isSupportedBy(ctx.workspaceId, scope.userId, customer.id);
}

/**
 * The rows a caller may see: reps their portfolio (customers.owner_user_id =
 * their user id), agents the customers they support, everyone else all of
 * the workspace's. A rep or agent token not bound to a user sees none.
 */
export function customerScopeOf(ctx: RequestContext): CustomerScope {
  if (ctx.role === "rep") return { kind: "owned", userId: actorUserId(ctx) };
  if (ctx.role === "agent") return { kind: "supported", userId: actorUserId(ctx) };
  return { kind: "all" };
}

/** The caller's user id (`usr_…`), or a value that matches no user when a token acts for a role only. */
export function actorUserId(ctx: RequestContext): string {
  return ctx.actorId.startsWith("usr_") ? ctx.actorId : `(token ${ctx.actorId})`;
}
