import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createUser } from "@tenure/app";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

describe.each(testEngines())("web read models (dashboard, list columns, activity, CSV export) on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let rep: TestWorkspace;
  const ids: string[] = [];

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    await api.database.db.updateTable("workspaces").set({ default_currency: "EUR" }).where("id", "=", ws.id).execute();
    const user = await createUser(ws.ctx, { repositories: api.repositories }, { email: "rita@example.com", name: "Rita Rep", role: "rep", password: "correct horse battery" });
    rep = { ...ws, token: (await createApiToken(ws.ctx, { repositories: api.repositories }, { kind: "api", name: "rita", role: "rep", userId: user.id })).secret };
    for (const [i, owner] of [null, user.id, null].entries()) {
      ids.push((await api.createCustomer(ws, { kind: "person", name: `Buyer ${i}`, email: `buyer${i}@example.com`, ownerUserId: owner })).id);
    }
    await api.addOrders(ws, ids[0]!, [
      { ordered_at: "2025-01-10T10:00:00Z", total: "100.10" },
      { ordered_at: "2025-03-05T10:00:00Z", total: "50.00" },
      { ordered_at: "2025-03-20T10:00:00Z", total: "70.00", status: "cancelled" },
    ]);
    await api.addOrders(ws, ids[1]!, [{ ordered_at: "2025-02-01T10:00:00Z", total: "10.00" }]);
    await api.database.db
      .insertInto("clv_fits")
      .values({
        workspace_id: ws.id,
        id: "fit_web",
        model: "bg-nbd",
        params: JSON.stringify({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }),
        standard_errors: "{}",
        log_likelihood: -1,
        converged: true,
        customers: 2,
        rows: 2,
        report: JSON.stringify({ periodUnit: "day", observationEnd: "2025-04-30T00:00:00Z" }),
      })
      .execute();
    const score = (id: string, clv: string, pAlive: number) => ({
      workspace_id: ws.id,
      customer_id: id,
      fit_id: "fit_web",
      frequency: 1,
      recency: 1,
      age: 10,
      p_alive: pAlive,
      expected_purchases_90: 0.1,
      expected_purchases_365: 0.4,
      expected_spend: "20.0000",
      clv,
    });
    await api.database.db.insertInto("customer_scores").values([score(ids[0]!, "300.0000", 0.2), score(ids[1]!, "80.5000", 0.9)]).execute();
  });
  afterAll(async () => {
    await api?.close();
  });

  it("sums revenue of completed orders in the workspace currency and the CLV of customers at risk", async () => {
    const res = await api.call(ws, "GET", "/api/analytics/dashboard");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ customers: 3, scored_customers: 2, currency: "EUR", revenue: "160.10", value_at_risk: "300.00", at_risk_customers: 1, risk_threshold: 0.5 });
    // A rep's dashboard counts its own portfolio only.
    expect((await api.call(rep, "GET", "/api/analytics/dashboard")).json()).toMatchObject({ customers: 1, revenue: "10.00", value_at_risk: "0.00" });
  });

  it("gives the list columns of the asked customers within the caller's rows", async () => {
    const all = await api.call(ws, "GET", `/api/customers/metrics?ids=${ids.join(",")}`);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ currency: "EUR" });
    const byId = new Map(all.json<{ items: Array<{ customer_id: string }> }>().items.map((m) => [m.customer_id, m]));
    expect(byId.get(ids[1]!)).toEqual({ customer_id: ids[1], owner_name: "Rita Rep", clv: "80.50", p_alive: 0.9, nps: null, open_cases: 0 });
    expect(byId.get(ids[2]!)).toMatchObject({ clv: null, p_alive: null });
    const mine = await api.call(rep, "GET", `/api/customers/metrics?ids=${ids.join(",")}`);
    expect(mine.json<{ items: Array<{ customer_id: string }> }>().items.map((m) => m.customer_id)).toEqual([ids[1]]);
    expect((await api.call(ws, "GET", `/api/customers/metrics?ids=${Array.from({ length: 201 }, (_, i) => `c${i}`).join(",")}`)).json()).toMatchObject({ field: "ids" });
  });

  it("returns a customer's orders, and P(alive) month by month from the latest fit", async () => {
    const res = await api.call(ws, "GET", `/api/customers/${ids[0]}/activity`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ orders: Array<{ total: string; status: string }>; value_history: { points: Array<{ month: string; purchases: number; repeat_purchases: number; p_alive: number }>; forecast: unknown[] } }>();
    expect(body.orders.map((o) => [o.total, o.status])).toEqual([["70.00", "cancelled"], ["50.00", "completed"], ["100.10", "completed"]]);
    expect(body.value_history.points.map((p) => [p.month, p.purchases, p.repeat_purchases])).toEqual([["2025-01", 1, 0], ["2025-02", 0, 0], ["2025-03", 1, 1], ["2025-04", 0, 1]]);
    // Right after a purchase the customer is surely alive; a month of silence lowers it.
    expect(body.value_history.points[2]!.p_alive).toBeGreaterThan(body.value_history.points[3]!.p_alive);
    expect(body.value_history.forecast).toHaveLength(12);
    expect((await api.call(rep, "GET", `/api/customers/${ids[0]}/activity`)).statusCode).toBe(404);
  });

  it("exports the list as CSV, masked without a purpose and unmasked with one", async () => {
    // masked names cannot order the rows (docs/security.md): the masked export is in creation order
    expect((await api.call(ws, "GET", "/api/customers/export.csv?sort=name", undefined, { "x-purpose": "" })).statusCode).toBe(403);
    const masked = await api.call(ws, "GET", "/api/customers/export.csv", undefined, { "x-purpose": "" });
    expect(masked.statusCode, masked.body).toBe(200);
    expect(masked.headers["content-type"]).toContain("text/csv");
    const lines = masked.body.trim().split("\r\n");
    expect(lines[0]).toBe("id,external_id,kind,name,email,phone,country,owner,account_type,industry,clv,p_alive,nps,open_cases,created_at");
    expect(lines).toHaveLength(4);
    expect(masked.body).not.toContain("buyer0@example.com");
    const shown = await api.call(ws, "GET", "/api/customers/export.csv?sort=name");
    expect(shown.body).toContain("buyer0@example.com");
    expect(shown.body.split("\r\n")[1]).toContain(",300.00,0.2000,");
    expect((await api.call(ws, "GET", "/api/customers/export.csv?sort=bogus")).statusCode).toBe(400);
  });
});
