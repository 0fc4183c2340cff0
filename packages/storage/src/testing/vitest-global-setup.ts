import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "../database/create-database.ts";
import { migrate } from "../database/migrate.ts";
import { pgliteImageVariable } from "./test-databases.ts";

/**
 * Vitest global setup: migrate one in-memory PGlite and dump its data
 * directory to a temporary file; openTestDatabase("pglite") in every test
 * file then starts from it (the test workers inherit the variable).
 */
export async function setup(): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), "tenure-test-image-"));
  const database = await createDatabase();
  try {
    await migrate(database);
    const image = await database.pglite?.dumpDataDir("none");
    if (image) writeFileSync(join(folder, "pgdata.tar"), Buffer.from(await image.arrayBuffer()));
  } finally {
    await database.close();
  }
  process.env[pgliteImageVariable] = join(folder, "pgdata.tar");
  return () => rmSync(folder, { recursive: true, force: true });
}
