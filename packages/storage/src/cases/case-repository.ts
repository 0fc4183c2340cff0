import { sql, type Kysely } from "kysely";
import type { CaseRepository } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { toCase, toCaseColumns, toCaseEvent, toCaseEventInsert, toCaseInsert } from "./case-row.ts";
import { serviceMetrics } from "./case-service-metrics.ts";
import type { CaseTables } from "./case-tables.ts";
import { searchCases } from "./search-cases.ts";

/** Rows per multi-row insert of an import (well under the 65,535 bind parameters). */
const insertBatch = 500;

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
      for (let i = 0; i < events.length; i += insertBatch) {
        await db.insertInto("case_events").values(events.slice(i, i + insertBatch).map(toCaseEventInsert)).execute();
      }
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
      for (let i = 0; i < externalIds.length; i += insertBatch) {
        const rows = await db
          .selectFrom("cases")
          .select("external_id")
          .where("workspace_id", "=", workspaceId)
          .where("external_id", "in", externalIds.slice(i, i + insertBatch))
          .execute();
        for (const row of rows) if (row.external_id !== null) found.add(row.external_id);
      }
      return found;
    },

    async insertMany(rows) {
      for (let i = 0; i < rows.length; i += insertBatch) {
        const batch = rows.slice(i, i + insertBatch);
        if (batch.length === 0) continue;
        await db.insertInto("cases").values(batch.map((r) => toCaseInsert(r.case))).execute();
      }
      const events = rows.flatMap((r) => r.events);
      for (let i = 0; i < events.length; i += insertBatch) {
        await db.insertInto("case_events").values(events.slice(i, i + insertBatch).map(toCaseEventInsert)).execute();
      }
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
