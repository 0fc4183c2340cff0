import { randomBytes } from "node:crypto";
import { adminQuery, createDatabase, migrate, type Database } from "../../packages/storage/src/index.ts";

/** Run `work` on a fresh, migrated PostgreSQL database of its own on the server at `serverUrl`; drops it afterwards. */
export async function withBenchDatabase(serverUrl: string, prefix: string, work: (database: Database) => Promise<void>): Promise<void> {
  const name = `tenure_bench_${prefix}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ url: url.toString(), poolSize: 2 });
  try {
    await migrate(database);
    await work(database);
  } finally {
    await database.close();
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  }
}
