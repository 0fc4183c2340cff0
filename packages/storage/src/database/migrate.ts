import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { Database } from "./create-database.ts";

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "migrations");

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Apply every versioned SQL file in migrations/ not yet recorded in
 * schema_migrations, each in its own transaction, in name order. Safe to
 * re-run and to run from several processes at once (advisory lock).
 */
export async function migrate(database: Database): Promise<MigrationReport> {
  const files = readdirSync(migrationsDir).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  return database.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727001)`.execute(trx);
    await sql`create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())`.execute(trx);
    const done = new Set((await trx.selectFrom("schema_migrations").select("version").execute()).map((r) => r.version));
    const applied: string[] = [];
    for (const file of files) {
      const version = file.replace(/\.sql$/, "");
      if (done.has(version)) continue;
      await sql.raw(readFileSync(join(migrationsDir, file), "utf8")).execute(trx);
      await trx.insertInto("schema_migrations").values({ version }).execute();
      applied.push(version);
    }
    return { applied, alreadyApplied: done.size };
  });
}
