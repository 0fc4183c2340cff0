import { sql, type Kysely } from "kysely";
import type { WorkspaceRepository } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";

/** WorkspaceRepository over Kysely (both engines). */
export function createWorkspaceRepository(db: Kysely<Schema>): WorkspaceRepository {
  return {
    list: async () => {
      const rows = await db
        .selectFrom("workspaces as w")
        .select(["w.id", "w.slug", "w.name"])
        .select(sql<number>`(select count(*) from customers c where c.workspace_id = w.id)`.as("customers"))
        .orderBy("w.created_at")
        .orderBy("w.id")
        .execute();
      return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, customers: Number(r.customers) }));
    },
  };
}
