import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClvValidationJson, Problem } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

/** Returns the number of repeat purchases. Buyers who each buy every `gap` days from their first day until they stop: a year of history with spread in frequency and recency. */
async function addPurchaseHistory(api: TestApi, ws: TestWorkspace): Promise<number> {
  const start = Date.UTC(2025, 0, 6);
  const customers: { workspace_id: string; id: string; kind: "person"; attributes: string }[] = [];
  const orders: { workspace_id: string; id: string; external_id: string; customer_id: string; ordered_at: string; currency: string; total: string; attributes: string }[] = [];
  let repeats = 0;
  for (let c = 0; c < 240; c++) {
    const id = `cus_val_${ws.id}_${c}`;
    customers.push({ workspace_id: ws.id, id, kind: "person", attributes: "{}" });
    const first = (c * 37) % 200;
    const gap = 7 + ((c * 13) % 60);
    const stop = first + 30 + ((c * 71) % 330);
    let n = 0;
    for (let day = first; day <= Math.min(stop, 364); day += gap, n++) {
      orders.push({ workspace_id: ws.id, id: `ord_${id}_${n}`, external_id: `${id}-${n}`, customer_id: id, ordered_at: new Date(start + day * 86_400_000).toISOString(), currency: "EUR", total: "25.00", attributes: "{}" });
    }
    repeats += n - 1;
  }
  await api.database.db.insertInto("customers").values(customers).execute();
  await api.database.db.insertInto("orders").values(orders).execute();
  return repeats;
}

describe.each(testEngines())("customer-value validation on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let empty: TestWorkspace;
  let repeats = 0;

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    empty = await api.createWorkspace();
    repeats = await addPurchaseHistory(api, ws);
  });
  afterAll(async () => {
    await api?.close();
  });

  it("holds out the last third of the history and compares the model with what happened", async () => {
    const res = await api.call(ws, "GET", "/api/analytics/clv/validation?points=6");
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<ClvValidationJson>();
    expect(v.converged).toBe(true);
    const span = v.tracking.period.at(-1) ?? 0;
    expect(v.holdout_periods).toBe(Math.floor(span / 3));
    expect(v.tracking.period[v.tracking.calibration_end_index]).toBe(span - v.holdout_periods);
    expect(v.calibration_holdout.map((r) => r.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(v.calibration_holdout.at(-1)?.pooled).toBe(true);
    // Cumulative counts only grow, and the model stays in the same range as the data.
    for (const series of [v.tracking.actual, v.tracking.predicted]) for (let k = 1; k < series.length; k++) expect(series[k]).toBeGreaterThanOrEqual(series[k - 1] ?? 0);
    // Purchases at least 7 days apart fall in distinct periods: the last point counts every repeat purchase.
    const last = v.tracking.actual.at(-1) ?? 0;
    expect(last).toBe(repeats);
    expect(v.tracking.predicted.at(-1)).toBeGreaterThan(last / 2);
    expect(v.tracking.predicted.at(-1)).toBeLessThan(last * 2);
  });

  it("says there is nothing to validate without purchases", async () => {
    const res = await api.call(empty, "GET", "/api/analytics/clv/validation");
    expect(res.statusCode).toBe(404);
    expect(res.json<Problem>()).toMatchObject({ code: "clv_no_purchases" });
  });
});
