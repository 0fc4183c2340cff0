import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/create-database.ts";
import { openTestDatabase, testEngines } from "../testing/test-databases.ts";

const ws = "ws_sum";

describe.each(testEngines())("the per-customer satisfaction summary follows every change of the answers, on %s", (engine) => {
  let database: Database;
  const summary = async (customerId: string) =>
    (
      await sql<{ nps: number | null; csat: number | null; acsi_n: number; acsi_sum1: number }>`select nps, csat, acsi_n, acsi_sum1 from customer_satisfaction
        where workspace_id = ${ws} and customer_id = ${customerId}`.execute(database.db)
    ).rows[0];
  const answer = (id: string, customerId: string | null, day: number, nps: number | null, csat: number | null, acsi: number | null) =>
    sql`insert into survey_responses (workspace_id, id, survey_id, customer_id, source, responded_at, nps, csat, acsi_overall, acsi_expectations, acsi_ideal)
      values (${ws}, ${id}, 'srv_1', ${customerId}, 'import', ${new Date(Date.UTC(2026, 0, day))}, ${nps}, ${csat}, ${acsi}, ${acsi}, ${acsi})`.execute(database.db);

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await database.db.insertInto("workspaces").values({ id: ws, name: "Sum", slug: "sum", settings: "{}" }).execute();
    await database.db
      .insertInto("customers")
      .values(["cus_a", "cus_b"].map((id) => ({ workspace_id: ws, id, kind: "person" as const, name: id })))
      .execute();
    await database.db.insertInto("surveys").values({ workspace_id: ws, id: "srv_1", name: "Mixed", kind: "nps", questions: "[]" }).execute();
    await answer("r1", "cus_a", 1, 9, 5, 8);
    await answer("r2", "cus_a", 2, 3, null, 4);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("is recomputed when an answer is rescored, moved to another customer or deleted", async () => {
    expect(await summary("cus_a")).toEqual({ nps: 3, csat: 5, acsi_n: 2, acsi_sum1: 12 });
    await sql`update survey_responses set nps = 7, acsi_overall = 10 where id = 'r2'`.execute(database.db);
    expect(await summary("cus_a")).toEqual({ nps: 7, csat: 5, acsi_n: 2, acsi_sum1: 18 });
    await sql`update survey_responses set customer_id = 'cus_b' where id = 'r2'`.execute(database.db);
    expect(await summary("cus_a")).toEqual({ nps: 9, csat: 5, acsi_n: 1, acsi_sum1: 8 });
    expect(await summary("cus_b")).toEqual({ nps: 7, csat: null, acsi_n: 1, acsi_sum1: 10 });
    await sql`delete from survey_responses where id = 'r1'`.execute(database.db);
    expect(await summary("cus_a")).toEqual({ nps: null, csat: null, acsi_n: 0, acsi_sum1: 0 });
  });

  it("lets a customer with answers be deleted", async () => {
    await sql`delete from customers where workspace_id = ${ws} and id = 'cus_b'`.execute(database.db);
    expect(await summary("cus_b")).toBeUndefined();
    const left = await sql<{ n: number }>`select count(*) as n from survey_responses where workspace_id = ${ws} and customer_id = 'cus_b'`.execute(database.db);
    expect(left.rows[0]?.n).toBe(0);
  });
});
