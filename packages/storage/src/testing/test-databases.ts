import { randomBytes } from "node:crypto";
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
    const database = await createDatabase();
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
