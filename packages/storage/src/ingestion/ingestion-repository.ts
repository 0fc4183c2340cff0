import { sql, type Kysely } from "kysely";
import type { CustomerKind, IngestionOutcome, IngestionPlan, IngestionRepository } from "@tenure/domain";
import { newId } from "@tenure/shared";
import type { Schema } from "../database/schema.ts";
import { recordset } from "./recordset.ts";
import { peopleCtes, upsertOrganizations } from "./upsert-customers.ts";
import { insertFullRefunds, orderCtes, productCtes } from "./write-orders.ts";

/**
 * IngestionRepository. A typical batch is ONE statement (people, events,
 * products, orders and lines as data-modifying CTEs, each a multi-row write
 * with its rows in one JSON parameter); group calls and full refunds add one
 * statement each, identify and group calls one for the ledger.
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
      const written = await writeTimeline(db, workspaceId, plan, organizationIds);
      const personIds = new Map(written.people);
      const personClash = plan.people.find((p) => !personIds.has(p.externalId));
      if (personClash) return kindConflict(db, workspaceId, personClash.externalId, personClash.field);
      const refunds = await insertFullRefunds(db, workspaceId, plan.orders.filter((o) => o.total === null), personIds);
      return { kind: "applied", counts: { customers: organizationIds.size + personIds.size, events: written.events, orders: written.orders + refunds } };
    },
  };
}

/** People, events, products, orders and lines in one statement. */
async function writeTimeline(db: Kysely<Schema>, workspaceId: string, plan: IngestionPlan, organizationIds: ReadonlyMap<string, string>) {
  const events = plan.events.map((e) => ({
    id: newId("event"),
    user_external_id: e.userExternalId,
    type: e.type,
    occurred_at: e.occurredAt.toISOString(),
    message_id: e.messageId,
    summary: e.summary,
    properties: e.properties,
  }));
  const result = await sql<{ people: [string, string][]; events: number; orders: number }>`
    with ${peopleCtes(workspaceId, plan.people, organizationIds)},
    ${productCtes(workspaceId, plan.products)},
    events_new as (
      insert into events (workspace_id, id, customer_id, type, occurred_at, source, message_id, summary, properties)
      select ${workspaceId}, x.id, p.id, x.type, x.occurred_at, 'segment', x.message_id, x.summary, coalesce(x.properties, '{}'::jsonb)
      from ${recordset(events, "id text, user_external_id text, type text, occurred_at timestamptz, message_id text, summary text, properties jsonb")}
      left join people p on p.external_id = x.user_external_id
      on conflict (workspace_id, message_id) where message_id is not null do nothing
      returning 1),
    ${orderCtes(workspaceId, plan.orders)}
    select
      (select coalesce(json_agg(json_build_array(external_id, id)), '[]'::json) from people) as people,
      (select count(*) from events_new) as events,
      (select count(*) from orders_new) as orders`.execute(db);
  const row = result.rows[0];
  return { people: row?.people ?? [], events: Number(row?.events ?? 0), orders: Number(row?.orders ?? 0) };
}

async function kindConflict(db: Kysely<Schema>, workspaceId: string, externalId: string, field: string): Promise<IngestionOutcome> {
  const row = await db
    .selectFrom("customers")
    .select("kind")
    .where("workspace_id", "=", workspaceId)
    .where("external_id", "=", externalId)
    .executeTakeFirst();
  const existingKind: CustomerKind = row?.kind ?? "person";
  return { kind: "kind_conflict", field, externalId, existingKind };
}
