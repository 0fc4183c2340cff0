import { sql, type Kysely } from "kysely";
import type { CustomerKind, IngestionRepository } from "@tenure/domain";
import { newId } from "@tenure/shared";
import type { Schema } from "../database/schema.ts";
import { recordset } from "./recordset.ts";
import { upsertOrganizations, upsertPeople } from "./upsert-customers.ts";
import { ensureProducts, insertOrders } from "./write-orders.ts";

/**
 * IngestionRepository: a whole batch in at most seven statements (ledger,
 * organisations, people, events, products, orders with lines, full refunds),
 * each a multi-row write with the rows in one JSON parameter.
 */
export function createIngestionRepository(db: Kysely<Schema>): IngestionRepository {
  return {
    async claimMessages(workspaceId, messages) {
      if (messages.length === 0) return new Set();
      const rows = messages.map((m) => ({ message_id: m.messageId, type: m.type })).sort((a, b) => (a.message_id < b.message_id ? -1 : 1));
      const result = await sql<{ message_id: string }>`
        insert into ingested_messages (workspace_id, message_id, type)
        select ${workspaceId}, x.message_id, x.type from ${recordset(rows, "message_id text, type text")}
        on conflict (workspace_id, message_id) do nothing
        returning message_id`.execute(db);
      return new Set(result.rows.map((r) => r.message_id));
    },

    async applyPlan(workspaceId, plan) {
      const organizationIds = await upsertOrganizations(db, workspaceId, plan.organizations);
      const clash = plan.organizations.find((o) => !organizationIds.has(o.externalId));
      if (clash) return kindConflict(db, workspaceId, clash.externalId, clash.field);
      const personIds = await upsertPeople(db, workspaceId, plan.people, organizationIds);
      const personClash = plan.people.find((p) => !personIds.has(p.externalId));
      if (personClash) return kindConflict(db, workspaceId, personClash.externalId, personClash.field);

      let events = 0;
      if (plan.events.length > 0) {
        const rows = plan.events.map((e) => ({
          id: newId("event"),
          customer_id: e.userExternalId === null ? null : (personIds.get(e.userExternalId) ?? null),
          type: e.type,
          occurred_at: e.occurredAt.toISOString(),
          message_id: e.messageId,
          summary: e.summary,
          properties: e.properties,
        }));
        const result = await sql`
          insert into events (workspace_id, id, customer_id, type, occurred_at, source, message_id, summary, properties)
          select ${workspaceId}, x.id, x.customer_id, x.type, x.occurred_at, 'segment', x.message_id, x.summary, coalesce(x.properties, '{}'::jsonb)
          from ${recordset(rows, "id text, customer_id text, type text, occurred_at timestamptz, message_id text, summary text, properties jsonb")}
          on conflict (workspace_id, message_id) where message_id is not null do nothing`.execute(db);
        events = Number(result.numAffectedRows ?? 0n);
      }
      const productIds = await ensureProducts(db, workspaceId, plan.products);
      const orders = plan.orders.length > 0 ? await insertOrders(db, workspaceId, plan.orders, personIds, productIds) : 0;
      return { kind: "applied", counts: { customers: organizationIds.size + personIds.size, events, orders } };
    },
  };
}

async function kindConflict(db: Kysely<Schema>, workspaceId: string, externalId: string, field: string) {
  const row = await db
    .selectFrom("customers")
    .select("kind")
    .where("workspace_id", "=", workspaceId)
    .where("external_id", "=", externalId)
    .executeTakeFirst();
  const existingKind: CustomerKind = row?.kind ?? "person";
  return { kind: "kind_conflict" as const, field, externalId, existingKind };
}
