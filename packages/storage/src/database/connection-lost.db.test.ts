import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { adminQuery } from "../testing/test-databases.ts";
import { createDatabase } from "./create-database.ts";

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("a lost PostgreSQL connection", () => {
  it("is reported and replaced instead of ending the process", async () => {
    const name = `tenure_conn_lost_${randomBytes(4).toString("hex")}`;
    const url = new URL(serverUrl ?? "");
    url.searchParams.set("application_name", name);
    const lost: Error[] = [];
    const database = await createDatabase({ url: url.toString(), poolSize: 1, onConnectionLost: (error) => lost.push(error) });
    try {
      await sql`select 1`.execute(database.db);
      await adminQuery(serverUrl ?? "", `select pg_terminate_backend(pid) from pg_stat_activity where application_name = '${name}'`);
      await expect.poll(() => lost.length, { timeout: 10_000 }).toBe(1);
      expect(lost[0]?.message).toMatch(/terminat/i);
      const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(again.rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });
});
