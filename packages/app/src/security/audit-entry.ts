import type { AuditAction, NewAuditEntry } from "@tenure/domain";
import { newId, type RequestContext } from "@tenure/shared";

/** An audit row of `ctx` doing `action`; `fields` are names, never values. */
export function auditEntry(
  ctx: RequestContext,
  action: AuditAction,
  customerId: string | null,
  fields: readonly string[] = [],
  details: Record<string, unknown> = {},
): NewAuditEntry {
  return {
    workspaceId: ctx.workspaceId,
    id: newId("audit"),
    actorId: ctx.actorId,
    role: ctx.role,
    action,
    customerId,
    fields: [...fields],
    purpose: ctx.purpose,
    requestId: ctx.requestId,
    details,
  };
}
