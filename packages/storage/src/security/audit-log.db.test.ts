import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { Database } from "../database/create-database.ts";
import { createRepositories } from "../create-repositories.ts";
import { openTestDatabase, testEngines } from "../testing/test-databases.ts";

describe.each(testEngines())("audit_log on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await database.db.insertInto("workspaces").values({ id: "ws_a", name: "A", slug: "a", settings: "{}" }).execute();
  });
  afterAll(async () => {
    await database.close();
  });

  it("appends and lists rows newest first, filtered", async () => {
    const { audit } = createRepositories(database);
    const base = { workspaceId: "ws_a", role: "admin" as const, purpose: null, requestId: "r1", details: {} };
    await audit.append([
      { ...base, id: "aud_1", actorId: "usr_1", action: "personal_data.read", customerId: "cus_1", fields: ["email"], occurredAt: new Date("2026-01-01T00:00:00Z") },
      { ...base, id: "aud_2", actorId: "usr_2", action: "customer.update", customerId: "cus_1", fields: ["phone"], occurredAt: new Date("2026-01-02T00:00:00Z") },
    ]);
    const all = await audit.list("ws_a", { actorId: null, customerId: "cus_1", action: null, from: null, to: null, after: null, limit: 10 });
    expect(all.items.map((e) => [e.id, e.fields])).toEqual([["aud_2", ["phone"]], ["aud_1", ["email"]]]);
    const reads = await audit.list("ws_a", { actorId: "usr_1", customerId: null, action: "personal_data.read", from: null, to: null, after: null, limit: 10 });
    expect(reads.items.map((e) => e.id)).toEqual(["aud_1"]);
    const firstPage = await audit.list("ws_a", { actorId: null, customerId: null, action: null, from: null, to: null, after: null, limit: 1 });
    const second = await audit.list("ws_a", { actorId: null, customerId: null, action: null, from: null, to: null, after: firstPage.next, limit: 1 });
    expect(second.items.map((e) => e.id)).toEqual(["aud_1"]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit rows in the database itself", async () => {
    for (const statement of [sql`update audit_log set actor_id = 'someone else'`, sql`delete from audit_log where id = 'aud_1'`, sql`truncate audit_log`]) {
      await expect(statement.execute(database.db)).rejects.toThrow(/append-only/);
    }
    const left = await sql<{ n: number }>`select count(*) as n from audit_log`.execute(database.db);
    expect(left.rows[0]?.n).toBe(2);
  });
});
