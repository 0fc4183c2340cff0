import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { Database } from "./create-database.ts";
import { migrate } from "./migrate.ts";
import { openTestDatabase, testEngines } from "../testing/test-databases.ts";

describe.each(testEngines())("migrate on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it("has applied every migration and re-running applies nothing", async () => {
    const again = await migrate(database);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
    const tables = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_name = 'customers'`.execute(database.db);
    expect(tables.rows[0]?.n).toBe(1);
  });

  it("reads numeric as exact strings, dates as YYYY-MM-DD and counts as numbers", async () => {
    const r = await sql<{ m: string; d: string; n: number }>`select 0.1::numeric(18,4) + 0.2 as m, date '2026-01-31' as d, count(*) as n from generate_series(1,3)`.execute(database.db);
    expect(r.rows[0]).toEqual({ m: "0.3000", d: "2026-01-31", n: 3 });
  });
});
