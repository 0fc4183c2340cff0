import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { createDatabase, type Database, type Engine } from "../database/create-database.ts";
import { migrate } from "../database/migrate.ts";

/**
 * The engines the database suite runs on: PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it). A suite is written once and run on
 * each (see eachEngine in the tests).
 */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated, empty database on `engine`: an in-memory PGlite, or a
 * new throw-away database on the test server (dropped by `close`).
 */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  if (engine === "pglite") {
    const database = await createDatabase({ pgliteImage: migratedPgliteImage() });
    // A no-op when started from the migrated image (it is made by this run's global setup).
    await migrate(database);
    return database;
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `tenure_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ url: url.toString(), poolSize: 4 });
  await migrate(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Run one statement on a fresh connection to `serverUrl` (create/drop database and the like). */
export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Where vitest's global setup left a migrated PGlite data directory (TENURE_TEST_PGLITE_IMAGE). */
export const pgliteImageVariable = "TENURE_TEST_PGLITE_IMAGE";

/**
 * The migrated, empty PGlite data directory this test run made once, so each
 * test file starts PGlite from it instead of running initdb and every
 * migration again (~2.5 s of CPU a file). Undefined outside vitest.
 */
function migratedPgliteImage(): Blob | undefined {
  const path = process.env[pgliteImageVariable];
  return path && existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}
