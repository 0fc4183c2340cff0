import { auditActions, type AuditAction, type AuditEntry, type Repositories } from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

export interface ListAuditInput {
  actorId?: string | undefined;
  customerId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  cursor?: string | undefined;
  /** Default 100, at most 10,000 (CSV export). */
  limit?: number | undefined;
}

export interface AuditList {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** The audit trail, newest first, filtered by actor, customer, action and time (admins only). */
export async function listAudit(ctx: RequestContext, deps: { repositories: Pick<Repositories, "audit"> }, input: ListAuditInput): Promise<AuditList> {
  authorize(ctx, "audit.read");
  const limit = input.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw invalidInput("limit", "limit must be a whole number from 1 to 10000");
  let action: AuditAction | null = null;
  if (input.action !== undefined) {
    action = auditActions.find((a) => a === input.action) ?? null;
    if (action === null) throw invalidInput("action", `action must be one of ${auditActions.join(", ")}`);
  }
  if (input.from && input.to && input.from >= input.to) throw invalidInput("to", "to must be after from");
  const page = await deps.repositories.audit.list(ctx.workspaceId, {
    actorId: input.actorId ?? null,
    customerId: input.customerId ?? null,
    action,
    from: input.from ?? null,
    to: input.to ?? null,
    after: decodeAuditCursor(input.cursor),
    limit,
  });
  return { items: page.items, nextCursor: page.next ? Buffer.from(JSON.stringify([page.next.occurredAt, page.next.id])).toString("base64url") : null };
}

function decodeAuditCursor(cursor: string | undefined): { occurredAt: string; id: string } | null {
  if (cursor === undefined || cursor === "") return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && typeof parsed[0] === "string" && typeof parsed[1] === "string" && /^\d{4}-\d{2}-\d{2}[ T][\d:.]+(?:[+-]\d{2}(?::?\d{2})?|Z)?$/.test(parsed[0])) {
      return { occurredAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw invalidInput("cursor", "cursor is not a cursor returned by this API (pass next_cursor unchanged)");
}
