import { sql, type Kysely } from "kysely";
import type { CaseRepository, NewTimelineEvent } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { toCase, toCaseColumns, toCaseEvent, toCaseEventInsert, toCaseInsert } from "./case-row.ts";
import { serviceMetrics } from "./case-service-metrics.ts";
import type { CaseTables } from "./case-tables.ts";
import { searchCases } from "./search-cases.ts";

/** Rows per multi-row insert of an import (well under the 65,535 bind parameters). */
const insertBatch = 500;

/** `items` in slices of insertBatch (none when empty). */
function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += insertBatch) yield items.slice(i, i + insertBatch);
}

function toTimelineInsert(e: NewTimelineEvent) {
  return {
    workspace_id: e.workspaceId,
    id: e.id,
    customer_id: e.customerId,
    type: e.type,
    occurred_at: e.occurredAt,
    source: e.source,
    summary: e.summary,
    properties: JSON.stringify(e.properties),
  };
}

/** CaseRepository on teams, cases and case_events. */
export function createCaseRepository(base: Kysely<Schema>): CaseRepository {
  const db = base.withTables<CaseTables>();
  return {
    async insert(row) {
      const inserted = await db
        .insertInto("cases")
        .values(toCaseInsert(row))
        .onConflict((oc) => oc.columns(["workspace_id", "external_id"]).where("external_id", "is not", null).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { created: toCase(inserted) };
      const existing = await db
        .selectFrom("cases")
        .select("id")
        .where("workspace_id", "=", row.workspaceId)
        .where("external_id", "=", row.externalId)
        .executeTakeFirstOrThrow();
      return { existingId: existing.id };
    },

    async findById(workspaceId, id, options = {}) {
      let select = db.selectFrom("cases").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id);
      if (options.forUpdate) select = select.forUpdate();
      const row = await select.executeTakeFirst();
      return row ? toCase(row) : null;
    },

    async findByExternalId(workspaceId, externalId) {
      const row = await db.selectFrom("cases").selectAll().where("workspace_id", "=", workspaceId).where("external_id", "=", externalId).executeTakeFirst();
      return row ? toCase(row) : null;
    },

    async update(workspaceId, id, changes) {
      const row = await db
        .updateTable("cases")
        .set({ ...toCaseColumns(changes), version: sql`version + 1`, updated_at: sql`now()` })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCase(row);
    },

    async addEvents(events) {
      for (const batch of batches(events)) await db.insertInto("case_events").values(batch.map(toCaseEventInsert)).execute();
    },

    async listEvents(workspaceId, caseId) {
      const rows = await db
        .selectFrom("case_events")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("case_id", "=", caseId)
        .orderBy("occurred_at")
        .orderBy("id")
        .execute();
      return rows.map(toCaseEvent);
    },

    search: (workspaceId, search) => searchCases(db, workspaceId, search),

    async existingExternalIds(workspaceId, externalIds) {
      const found = new Set<string>();
      for (const batch of batches(externalIds)) {
        const rows = await db.selectFrom("cases").select("external_id").where("workspace_id", "=", workspaceId).where("external_id", "in", batch).execute();
        for (const row of rows) if (row.external_id !== null) found.add(row.external_id);
      }
      return found;
    },

    async customerIdsByExternalId(workspaceId, externalIds) {
      const found = new Map<string, string>();
      for (const batch of batches(externalIds)) {
        const rows = await db.selectFrom("customers").select(["id", "external_id"]).where("workspace_id", "=", workspaceId).where("external_id", "in", batch).execute();
        for (const row of rows) if (row.external_id !== null) found.set(row.external_id, row.id);
      }
      return found;
    },

    async insertMany(rows) {
      for (const batch of batches(rows)) await db.insertInto("cases").values(batch.map((r) => toCaseInsert(r.case))).execute();
      for (const batch of batches(rows.flatMap((r) => r.events))) await db.insertInto("case_events").values(batch.map(toCaseEventInsert)).execute();
      for (const batch of batches(rows.flatMap((r) => r.timeline))) await db.insertInto("events").values(batch.map(toTimelineInsert)).execute();
    },

    async findTeam(workspaceId, id) {
      const row = await db.selectFrom("teams").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return row ? { workspaceId: row.workspace_id, id: row.id, name: row.name, timeZone: row.time_zone } : null;
    },

    async ensureTeams(teams) {
      if (teams.length === 0) return;
      await db
        .insertInto("teams")
        .values(teams.map((t) => ({ workspace_id: t.workspaceId, id: t.id, name: t.name, time_zone: t.timeZone })))
        .onConflict((oc) => oc.columns(["workspace_id", "id"]).doNothing())
        .execute();
    },

    serviceMetrics: (workspaceId, query) => serviceMetrics(db, workspaceId, query),
  };
}
