import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories } from "../../create-repositories.ts";
import type { Database } from "../../database/create-database.ts";
import { openTestDatabase, testEngines } from "../../testing/test-databases.ts";

const asOf = new Date("2026-11-01T00:00:00Z");
// cut-off = as_of − 180 days = 2026-05-05

describe.each(testEngines())("recovery-paradox counts on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const db = database.db;
    for (const ws of ["ws_p", "ws_other"]) await db.insertInto("workspaces").values({ id: ws, name: ws, slug: ws, settings: "{}" }).execute();
    const customers = ["A", "B", "C", "D", "E", "F", "G", "H"];
    await db.insertInto("customers").values(customers.map((c) => ({ workspace_id: "ws_p", id: `cus_${c}`, kind: "person" as const, name: c }))).execute();
    await db.insertInto("customers").values({ workspace_id: "ws_other", id: "cus_X", kind: "person", name: "X" }).execute();
    const orders: [string, string, string, string?][] = [
      ["ws_p", "A", "2026-01-01"],
      ["ws_p", "A", "2026-04-01"], // within 180 days of A's failure (2026-03-01)
      ["ws_p", "B", "2025-12-01"],
      ["ws_p", "B", "2026-04-01", "cancelled"], // a cancelled order is no repurchase
      ["ws_p", "C", "2026-01-01"],
      ["ws_p", "C", "2026-06-01"],
      ["ws_p", "D", "2026-01-01"],
      ["ws_p", "D", "2026-07-01"], // after the cut-off, within the window
      ["ws_p", "E", "2026-06-01"], // first order after the cut-off: not yet a customer then
      ["ws_p", "F", "2026-01-01"],
      ["ws_p", "G", "2026-01-01"],
      ["ws_p", "H", "2026-01-01"],
      ["ws_p", "H", "2026-12-01"], // after the window
      ["ws_other", "X", "2026-01-01"],
    ];
    await db
      .insertInto("orders")
      .values(orders.map(([ws, c, at, status], i) => ({ workspace_id: ws, id: `ord_${i}`, external_id: `o${i}`, customer_id: `cus_${c}`, ordered_at: `${at}T12:00:00Z`, currency: "USD", status: (status ?? "completed") as "completed" | "cancelled" })))
      .execute();
    const cases: [string, string, string][] = [
      ["ws_p", "A", "2026-03-01"],
      ["ws_p", "B", "2026-03-01"],
      ["ws_p", "C", "2026-03-01"],
      ["ws_p", "F", "2026-09-01"],
      ["ws_p", "G", "2026-03-01"],
      ["ws_p", "H", "2026-02-01"],
      ["ws_p", "H2", "2026-03-01"],
      ["ws_other", "X", "2026-03-01"],
    ];
    for (const [ws, c, at] of cases) {
      const customer = `cus_${c.slice(0, 1)}`;
      await sql`insert into cases (workspace_id, id, customer_id, subject, opened_at) values (${ws}, ${`case_${c}`}, ${customer}, 's', ${`${at}T09:00:00Z`})`.execute(db);
    }
    // recoveries: [case, started, sent]
    const recoveries: [string, string, string, string | null][] = [
      ["ws_p", "A", "2026-03-01", "2026-03-10"],
      ["ws_p", "B", "2026-03-01", null],
      ["ws_p", "C", "2026-03-01", "2026-03-05"],
      ["ws_p", "F", "2026-09-01", "2026-09-02"], // too recent to observe 180 days
      ["ws_p", "H", "2026-02-01", "2026-02-10"],
      ["ws_p", "H2", "2026-03-01", null], // H has one failure still unresolved
      ["ws_other", "X", "2026-03-01", "2026-03-02"],
    ];
    for (const [ws, c, started, sent] of recoveries) {
      await sql`insert into case_recoveries (workspace_id, case_id, customer_id, locale, what_went_wrong, started_at, started_by, approved_at, approved_by, signer_name, letter_body, sent_at, letter_pdf)
                values (${ws}, ${`case_${c}`}, ${`cus_${c.slice(0, 1)}`}, 'en', 'x', ${`${started}T10:00:00Z`}, 'usr_x',
                        ${sent === null ? null : `${sent}T00:00:00Z`}, ${sent === null ? null : "usr_m"}, ${sent === null ? null : "M"}, 'body',
                        ${sent === null ? null : `${sent}T10:00:00Z`}, ${sent === null ? null : new Uint8Array([37, 80, 68, 70])})`.execute(db);
    }
    await db.insertInto("clv_fits").values({ workspace_id: "ws_p", id: "fit_1", model: "bgnbd", params: "{}", standard_errors: "{}", log_likelihood: 0, converged: true, customers: 8, rows: 8 }).execute();
    await db
      .insertInto("customer_scores")
      .values([
        { workspace_id: "ws_p", customer_id: "cus_C", fit_id: "fit_1", frequency: 1, recency: 1, age: 2, p_alive: 0.3, expected_purchases_90: 0, expected_purchases_365: 0 },
        { workspace_id: "ws_p", customer_id: "cus_D", fit_id: "fit_1", frequency: 1, recency: 1, age: 2, p_alive: 0.9, expected_purchases_90: 0, expected_purchases_365: 0 },
      ])
      .execute();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("puts each customer in one group, counts repurchase in the 180 days after the anchor, and churn by no repurchase or P(alive) < 0.5", async () => {
    const counts = await createRepositories(database).recoveries.cohortCounts("ws_p", { asOf, windowDays: 180, churnPAlive: 0.5 });
    expect(counts).toEqual([
      // A (repurchased) and C (repurchased, but P(alive) 0.3 → churned)
      { cohort: "recovered", customers: 2, repurchased: 2, churned: 1 },
      // B (only a cancelled order after) and H (one failure unresolved; its next order is after the window)
      { cohort: "unresolved_failure", customers: 2, repurchased: 0, churned: 2 },
      // D only: E was not a customer at the cut-off, F and G had cases
      { cohort: "no_case", customers: 1, repurchased: 1, churned: 0 },
    ]);
  });

  it("counts a letter sent after as_of as not yet recovered", async () => {
    const at = (asOf: string, windowDays: number) => createRepositories(database).recoveries.cohortCounts("ws_p", { asOf: new Date(asOf), windowDays, churnPAlive: 0.5 });
    // only H's first failure (started 2026-02-01, letter 2026-02-10) is older than the cut-off in both
    const before = await at("2026-02-08T00:00:00Z", 5);
    // (no_case: the six with an order before the cut-off and no case opened yet — cases of A, B, C, F, G open later)
    expect(before.map((c) => [c.cohort, c.customers])).toEqual([["recovered", 0], ["unresolved_failure", 1], ["no_case", 6]]);
    const after = await at("2026-02-11T00:00:00Z", 8);
    expect(after.map((c) => [c.cohort, c.customers])).toEqual([["recovered", 1], ["unresolved_failure", 0], ["no_case", 6]]);
  });
});
