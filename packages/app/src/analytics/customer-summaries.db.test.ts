import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarizeTransactions } from "@tenure/analytics";
import type { CustomerSummaryColumns, SummaryPeriodUnit } from "@tenure/domain";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { loadCdnowOrders, type CdnowOrder } from "./testing/cdnow-orders.ts";

// The SQL summaries (one aggregate over orders) must give exactly the numbers
// of the reference TypeScript summary on the same purchases.
describe.each(testEngines())("customer summaries in SQL on %s", (engine) => {
  let database: Database;
  let orders: CdnowOrder[];

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await database.db.insertInto("workspaces").values([{ id: "ws_cd", name: "CDNOW", slug: "cdnow", settings: "{}" }, { id: "ws_other", name: "Other", slug: "other", settings: "{}" }]).execute();
    orders = await loadCdnowOrders(database, "ws_cd");
    await loadCdnowOrders(database, "ws_other");
  });
  afterAll(async () => {
    await database.close();
  });

  const cases: Array<[SummaryPeriodUnit, string]> = [
    ["day", "1997-09-30T18:00:00Z"],
    ["week", "1997-09-30T18:00:00Z"],
    ["day", "1998-06-30T00:00:00Z"],
    ["week", "1998-07-01T00:00:00Z"],
  ];
  it.each(cases)("match summarizeTransactions per customer (unit %s, observation end %s)", async (unit, end) => {
    const observationEnd = new Date(end);
    const sql = await createRepositories(database).customerValue.readSummaries("ws_cd", { unit, observationEnd });
    const completed = orders.filter((o) => o.status === "completed");
    const ts = summarizeTransactions(
      { customerIds: completed.map((o) => o.customerId), times: completed.map((o) => o.orderedAt.getTime()), values: completed.map((o) => o.total) },
      { unit, observationEnd },
    );
    // Orders after the end are left out: at the calibration end only the customers seen by then.
    expect(sql.customerIds.length).toBe(ts.customerIds.length);
    expect(new Set(sql.customerIds).size).toBe(sql.customerIds.length);
    const bySql = indexById(sql);
    let repeatBuyers = 0;
    ts.customerIds.forEach((id, i) => {
      const row = bySql.get(String(id));
      expect(row, `customer ${id}`).toBeDefined();
      expect([row!.frequency, row!.recency, row!.age]).toEqual([ts.frequency[i], ts.recency[i], ts.T[i]]);
      expect(row!.monetary).toBeCloseTo(ts.monetary[i]!, 9);
      if (ts.frequency[i]! > 0) repeatBuyers++;
    });
    expect(repeatBuyers).toBeGreaterThan(500);
  });

  it("reads nothing for a workspace without orders", async () => {
    await database.db.insertInto("workspaces").values({ id: "ws_empty", name: "Empty", slug: "empty", settings: "{}" }).execute();
    const sql = await createRepositories(database).customerValue.readSummaries("ws_empty", { unit: "day", observationEnd: new Date("1998-07-01") });
    expect(sql.customerIds).toEqual([]);
    expect(sql.frequency.length).toBe(0);
  });
});

function indexById(s: CustomerSummaryColumns): Map<string, { frequency: number; recency: number; age: number; monetary: number }> {
  return new Map(s.customerIds.map((id, i) => [id, { frequency: s.frequency[i]!, recency: s.recency[i]!, age: s.age[i]!, monetary: s.monetary[i]! }]));
}
