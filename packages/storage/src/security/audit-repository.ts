import { sql, type Kysely, type Selectable } from "kysely";
import type { AuditAction, AuditEntry, AuditRepository } from "@tenure/domain";
import type { Purpose, Role } from "@tenure/shared";
import type { AuditLogTable, Schema } from "../database/schema.ts";

/** AuditRepository on audit_log; the table refuses UPDATE, DELETE and TRUNCATE (0003 migration). */
export function createAuditRepository(db: Kysely<Schema>): AuditRepository {
  return {
    async append(entries) {
      if (entries.length === 0) return;
      await db
        .insertInto("audit_log")
        .values(
          entries.map((e) => ({
            workspace_id: e.workspaceId,
            id: e.id,
            ...(e.occurredAt ? { occurred_at: e.occurredAt } : {}),
            actor_id: e.actorId,
            role: e.role,
            action: e.action,
            customer_id: e.customerId,
            fields: JSON.stringify(e.fields),
            purpose: e.purpose,
            request_id: e.requestId,
            details: JSON.stringify(e.details),
          })),
        )
        .execute();
    },

    async list(workspaceId, query) {
      let select = db.selectFrom("audit_log").selectAll().select(sql<string>`occurred_at::text`.as("occurred_text")).where("workspace_id", "=", workspaceId);
      if (query.actorId !== null) select = select.where("actor_id", "=", query.actorId);
      if (query.customerId !== null) select = select.where("customer_id", "=", query.customerId);
      if (query.action !== null) select = select.where("action", "=", query.action);
      if (query.from !== null) select = select.where("occurred_at", ">=", query.from);
      if (query.to !== null) select = select.where("occurred_at", "<", query.to);
      const after = query.after;
      if (after) select = select.where(sql<boolean>`(occurred_at, id) < (${after.occurredAt}::timestamptz, ${after.id})`);
      const rows = await select
        .orderBy("occurred_at", "desc")
        .orderBy("id", "desc")
        .limit(query.limit + 1)
        .execute();
      const more = rows.length > query.limit;
      const items = more ? rows.slice(0, query.limit) : rows;
      const last = items.at(-1);
      return { items: items.map(toAuditEntry), next: more && last ? { occurredAt: last.occurred_text, id: last.id } : null };
    },
  };
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    // Written only by the use cases, from the closed unions.
    role: row.role as Role,
    action: row.action as AuditAction,
    customerId: row.customer_id,
    fields: row.fields,
    purpose: row.purpose as Purpose | null,
    requestId: row.request_id,
    details: row.details,
  };
}
