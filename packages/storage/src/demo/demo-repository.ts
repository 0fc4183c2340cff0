import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { AppError } from "@tenure/shared";
import type { DemoDataset, DemoRepository } from "@tenure/domain";
import type { Database } from "../database/create-database.ts";
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
        await (database.pglite ? copyIntoPglite(database, tables) : copyIntoServer(database, tables));
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

/**
 * PGlite's COPY reads a blob through the raw instance. The Kysely connection
 * is checked out for the whole load, so no other statement can slip into
 * this transaction on the single PGlite connection.
 */
async function copyIntoPglite(database: Database, tables: readonly DemoTable[]): Promise<void> {
  const pglite = database.pglite;
  if (!pglite) throw new Error("not a PGlite database");
  await database.db.connection().execute(async () => {
    await pglite.exec("begin");
    try {
      for (const table of tables) await pglite.query(`copy ${copyTarget(table)} from '/dev/blob'`, [], { blob: new Blob([copyText(table)]) });
      await pglite.exec("commit");
    } catch (error) {
      await pglite.exec("rollback");
      throw error;
    }
  });
}

/** On a server, COPY … FROM STDIN on one pooled client (pg-copy-streams). */
async function copyIntoServer(database: Database, tables: readonly DemoTable[]): Promise<void> {
  const pool = database.pool;
  if (!pool) throw new Error("not a PostgreSQL database");
  const client = await pool.connect();
  let healthy = true;
  try {
    await client.query("begin");
    for (const table of tables) {
      await pipeline(Readable.from([Buffer.from(copyText(table), "utf8")]), client.query(copyFrom(`copy ${copyTarget(table)} from stdin`)));
    }
    await client.query("commit");
  } catch (error) {
    healthy = await client.query("rollback").then(() => true, () => false);
    throw error;
  } finally {
    client.release(!healthy);
  }
}
