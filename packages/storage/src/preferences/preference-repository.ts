import { sql, type Kysely } from "kysely";
import type { PreferenceRepository, SavedView } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { isUniqueViolation } from "../database/unique-violation.ts";

interface ViewRow {
  workspace_id: string;
  id: string;
  user_id: string;
  page: string;
  name: string;
  query: Record<string, string> | string;
  created_at: Date | string;
  updated_at: Date | string;
}

function toView(row: ViewRow): SavedView {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    page: row.page,
    name: row.name,
    query: typeof row.query === "string" ? (JSON.parse(row.query) as Record<string, string>) : row.query,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

const uniqueName = "saved_views_name";

/** The storage implementation of PreferenceRepository: users.locale and saved_views (migration 0011). */
export function createPreferenceRepository(db: Kysely<Schema>): PreferenceRepository {
  return {
    async locale(workspaceId, userId) {
      const found = await sql<{ locale: string }>`select locale from users where workspace_id = ${workspaceId} and id = ${userId}`.execute(db);
      return found.rows[0]?.locale ?? null;
    },
    async setLocale(workspaceId, userId, locale) {
      await sql`update users set locale = ${locale} where workspace_id = ${workspaceId} and id = ${userId}`.execute(db);
    },
    async listViews(workspaceId, userId, page) {
      const rows = await sql<ViewRow>`
        select * from saved_views where workspace_id = ${workspaceId} and user_id = ${userId} and page = ${page}
        order by lower(name), id`.execute(db);
      return rows.rows.map(toView);
    },
    async insertView(view) {
      try {
        const rows = await sql<ViewRow>`
          insert into saved_views (workspace_id, id, user_id, page, name, query)
          values (${view.workspaceId}, ${view.id}, ${view.userId}, ${view.page}, ${view.name}, ${JSON.stringify(view.query)}::jsonb)
          returning *`.execute(db);
        return rows.rows[0] ? toView(rows.rows[0]) : null;
      } catch (error) {
        if (isUniqueViolation(error, uniqueName)) return null;
        throw error;
      }
    },
    async updateView(workspaceId, userId, id, change) {
      try {
        const rows = await sql<ViewRow>`
          update saved_views set
            name = coalesce(${change.name ?? null}, name),
            query = coalesce(${change.query ? JSON.stringify(change.query) : null}::jsonb, query),
            updated_at = now()
          where workspace_id = ${workspaceId} and user_id = ${userId} and id = ${id}
          returning *`.execute(db);
        return rows.rows[0] ? toView(rows.rows[0]) : null;
      } catch (error) {
        if (isUniqueViolation(error, uniqueName)) return "conflict";
        throw error;
      }
    },
    async deleteView(workspaceId, userId, id) {
      const result = await sql`delete from saved_views where workspace_id = ${workspaceId} and user_id = ${userId} and id = ${id}`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },
  };
}
