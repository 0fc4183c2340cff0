import type { ImportRepository, ImportWorkspace } from "@tenure/domain";
import type { Database } from "../database/create-database.ts";
import { createImportSession } from "./import-session.ts";
import { openSqlSession } from "../database/sql-session.ts";

/** The storage implementation of ImportRepository (COPY + set-based upserts, on both engines). */
export function createImportRepository(database: Database): ImportRepository {
  return {
    async findWorkspace(slug) {
      let query = database.db.selectFrom("workspaces").select(["id", "slug", "name", "default_currency"]);
      query = slug === null ? query.orderBy((eb) => eb("slug", "=", "demo"), "desc").orderBy("created_at").orderBy("id") : query.where("slug", "=", slug);
      const row = await query.limit(1).executeTakeFirst();
      if (!row) return null;
      const workspace: ImportWorkspace = { id: row.id, slug: row.slug, name: row.name, defaultCurrency: row.default_currency.trim() };
      return workspace;
    },
    async begin(workspaceId) {
      return createImportSession(await openSqlSession(database), workspaceId);
    },
  };
}
