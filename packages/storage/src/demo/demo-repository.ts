import { AppError } from "@tenure/shared";
import type { DemoDataset, DemoRepository } from "@tenure/domain";
import type { Database } from "../database/create-database.ts";
import { openSqlSession } from "../database/sql-session.ts";
import { isUniqueViolation } from "../database/unique-violation.ts";
import { copyText, demoTables, type DemoTable } from "./demo-tables.ts";

/**
 * DemoRepository: the whole dataset goes in with one COPY per table inside
 * one transaction (tens of thousands of rows in seconds, even on PGlite); a
 * failure leaves nothing behind.
 */
export function createDemoRepository(database: Database): DemoRepository {
  return {
    write: async (dataset: DemoDataset) => {
      const tables = demoTables(dataset).filter((t) => t.rows.length > 0);
      try {
        await copyTables(database, tables);
      } catch (error) {
        if (isUniqueViolation(error, "workspaces_slug_key")) {
          throw new AppError("workspace_exists", "conflict", `A workspace with the slug "${dataset.workspace.slug}" already exists`, { field: "slug" });
        }
        throw error;
      }
    },
  };
}

const copyTarget = (table: DemoTable): string => `${table.name} (${table.columns.join(", ")})`;

/** One COPY per table on one session (see openSqlSession for the PGlite locking), committed together. */
async function copyTables(database: Database, tables: readonly DemoTable[]): Promise<void> {
  const session = await openSqlSession(database);
  let loaded = false;
  try {
    for (const table of tables) await session.copyIn(copyTarget(table), copyText(table));
    loaded = true;
  } finally {
    await session.end(loaded);
  }
}
