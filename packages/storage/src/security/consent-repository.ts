import { sql, type Kysely, type Selectable } from "kysely";
import type { ConsentRecord, ConsentRepository } from "@tenure/domain";
import type { Purpose } from "@tenure/shared";
import type { ConsentRecordsTable, Schema } from "../database/schema.ts";
import { recordset } from "../ingestion/recordset.ts";

/** ConsentRepository on consent_records (append-only by use, latest row per purpose in force). */
export function createConsentRepository(db: Kysely<Schema>): ConsentRepository {
  return {
    async list(workspaceId, customerId) {
      const rows = await db
        .selectFrom("consent_records")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("customer_id", "=", customerId)
        .orderBy("recorded_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map(toConsentRecord);
    },

    async withdrawnPurposes(workspaceId, customerIds) {
      const out = new Map<string, Set<Purpose>>();
      if (customerIds.length === 0) return out;
      const rows = await sql<{ customer_id: string; purpose: Purpose }>`
        select customer_id, purpose from (
          select distinct on (customer_id, purpose) customer_id, purpose, status
          from consent_records
          where workspace_id = ${workspaceId} and customer_id in (${sql.join([...customerIds])})
          order by customer_id, purpose, recorded_at desc, id desc
        ) latest where status = 'withdrawn'`.execute(db);
      for (const row of rows.rows) {
        const set = out.get(row.customer_id) ?? new Set<Purpose>();
        set.add(row.purpose);
        out.set(row.customer_id, set);
      }
      return out;
    },

    async add(records) {
      if (records.length === 0) return;
      await db
        .insertInto("consent_records")
        .values(
          records.map((r) => ({
            workspace_id: r.workspaceId,
            id: r.id,
            customer_id: r.customerId,
            purpose: r.purpose,
            status: r.status,
            recorded_at: r.recordedAt,
            source: r.source,
            actor_id: r.actorId,
          })),
        )
        .execute();
    },

    async addByExternalId(records) {
      if (records.length === 0) return 0;
      const rows = records.map((r) => ({
        id: r.id,
        workspace_id: r.workspaceId,
        external_id: r.externalId,
        purpose: r.purpose,
        status: r.status,
        recorded_at: r.recordedAt.toISOString(),
        source: r.source,
        actor_id: r.actorId,
      }));
      const result = await sql`
        insert into consent_records (workspace_id, id, customer_id, purpose, status, recorded_at, source, actor_id)
        select x.workspace_id, x.id, c.id, x.purpose, x.status, x.recorded_at, x.source, x.actor_id
        from ${recordset(rows, "id text, workspace_id text, external_id text, purpose text, status text, recorded_at timestamptz, source text, actor_id text")}
        join customers c on c.workspace_id = x.workspace_id and c.external_id = x.external_id`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },

    async workspaceSettings(workspaceId) {
      const row = await db.selectFrom("workspaces").select("settings").where("id", "=", workspaceId).executeTakeFirst();
      return row?.settings ?? {};
    },
  };
}

function toConsentRecord(row: Selectable<ConsentRecordsTable>): ConsentRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    // The table's check constraint admits only the five purposes.
    purpose: row.purpose as Purpose,
    status: row.status,
    recordedAt: row.recorded_at,
    source: row.source,
    actorId: row.actor_id,
  };
}
