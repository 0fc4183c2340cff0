import { roleHasPermission, type Case, type CaseEvent, type Permission, type Repositories } from "@tenure/domain";
import { notFound, type AppError, type RequestContext } from "@tenure/shared";
import { authorize, isInScope } from "../security/authorize.ts";

/** The not-found error of a case id: the same whether it does not exist, is another workspace's or outside the caller's rows. */
export function caseNotFound(id: string): AppError {
  return notFound("case_not_found", `No case with id "${id}"`, { field: "id" });
}

/**
 * authorize() plus the row rule: the case of `id` when its customer is within
 * the caller's rows (a rep's portfolio, an agent's supported customers),
 * locked when `forUpdate`; case_not_found otherwise.
 */
export async function caseForCaller(
  ctx: RequestContext,
  repositories: Pick<Repositories, "cases" | "customers" | "assignments">,
  permission: Permission,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Case> {
  authorize(ctx, permission);
  const found = await repositories.cases.findById(ctx.workspaceId, id, options);
  if (!found) throw caseNotFound(id);
  const customer = await repositories.customers.findById(ctx.workspaceId, found.customerId);
  if (!customer || !(await isInScope(ctx, { repositories }, customer))) throw caseNotFound(id);
  return found;
}

/** Free text may hold personal data: a role that may not read it sees the case without it. */
export function showCase(ctx: RequestContext, shown: Case): Case {
  if (roleHasPermission(ctx.role, "personal_data.read")) return shown;
  return { ...shown, description: null, resolutionNote: null };
}

/** The event as the caller may see it (bodies withheld like showCase). */
export function showCaseEvent(ctx: RequestContext, event: CaseEvent): CaseEvent {
  if (roleHasPermission(ctx.role, "personal_data.read")) return event;
  return { ...event, body: null };
}

/** The acting user for case_events.actor_user_id; null for tokens and the system. */
export function actorOf(ctx: RequestContext): string | null {
  return ctx.actorId.startsWith("usr_") ? ctx.actorId : null;
}
