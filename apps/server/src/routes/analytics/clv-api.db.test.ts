import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import type { ClvFitJson, CustomerProfileJson, Problem } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { buildApp } from "../../build-app.ts";
import type { ApiServer } from "../../http/api-server.ts";
import { startJobs, type Jobs } from "../../jobs/start-jobs.ts";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

/**
 * 300 buyers with a seeded purchase history over a year: enough spread in
 * frequency, recency and age for BG/NBD and Gamma-Gamma to converge.
 */
async function addBuyers(api: TestApi, ws: TestWorkspace): Promise<string[]> {
  let seed = 42;
  const random = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const start = Date.parse("2025-01-01T00:00:00Z");
  const ids: string[] = [];
  const customers: Array<{ workspace_id: string; id: string; kind: "person"; attributes: string }> = [];
  const orders: Array<{ workspace_id: string; id: string; external_id: string; customer_id: string; ordered_at: string; currency: string; total: string; attributes: string }> = [];
  for (let c = 0; c < 300; c++) {
    const id = `cus_clvtest_${ws.id}_${c}`;
    ids.push(id);
    customers.push({ workspace_id: ws.id, id, kind: "person", attributes: "{}" });
    const meanGapDays = 15 + 120 * random();
    const lifetimeDays = -Math.log(1 - random()) * 200;
    const spend = 20 + 80 * random();
    let day = Math.floor(random() * 300);
    for (let k = 0; day < 365 && (k === 0 || day < lifetimeDays); k++) {
      orders.push({
        workspace_id: ws.id,
        id: `ord_${id}_${k}`,
        external_id: `${id}-${k}`,
        customer_id: id,
        ordered_at: new Date(start + day * 86_400_000 + 36_000_000).toISOString(),
        currency: "EUR",
        total: (spend * (0.5 + random())).toFixed(2),
        attributes: "{}",
      });
      day += Math.max(1, Math.round(-Math.log(1 - random()) * meanGapDays));
    }
  }
  await api.database.db.insertInto("customers").values(customers).execute();
  await api.database.db.insertInto("orders").values(orders).execute();
  return ids;
}

describe.each(testEngines())("customer-value API on %s", (engine) => {
  let api: TestApi;
  let jobs: Jobs;
  let app: ApiServer;
  let ws: TestWorkspace;
  let customerIds: string[];
  const call = (method: "GET" | "POST", url: string, as: TestWorkspace | null = ws): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers: as ? { authorization: `Bearer ${as.token}` } : {} });

  beforeAll(async () => {
    api = await openTestApi(engine);
    // Jobs first: at start they refit every workspace without a fit, which would race the tests below.
    jobs = await startJobs({ database: api.database, repositories: api.repositories, pollingIntervalSeconds: 0.5 });
    app = await buildApp({ repositories: api.repositories, jobs: jobs.queue });
    await app.ready();
    ws = await api.createWorkspace();
    customerIds = await addBuyers(api, ws);
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.stop();
    await api?.close();
  });

  it("needs a token", async () => {
    expect((await call("GET", "/api/analytics/clv", null)).statusCode).toBe(401);
    expect((await call("POST", "/api/analytics/clv/refit", null)).statusCode).toBe(401);
  });

  it("answers a not-found problem before the first refit", async () => {
    const res = await call("GET", "/api/analytics/clv");
    expect(res.statusCode).toBe(404);
    expect(res.json<Problem>()).toMatchObject({ code: "clv_fit_not_found" });
  });

  it("queues a refit; the job stores the fit and every buyer's scores", async () => {
    const accepted = await call("POST", "/api/analytics/clv/refit");
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json<{ job_id: string | null; status: string }>()).toMatchObject({ status: "queued", job_id: expect.any(String) });

    let res = await call("GET", "/api/analytics/clv");
    for (let waited = 0; res.statusCode === 404 && waited < 60_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      res = await call("GET", "/api/analytics/clv");
    }
    expect(res.statusCode).toBe(200);
    const fit = res.json<ClvFitJson>();
    expect(fit).toMatchObject({ model: "bg-nbd", converged: true, customers: 300 });
    expect(Object.keys(fit.params).sort()).toEqual(["a", "alpha", "b", "r"]);
    expect(fit.standard_errors.r).toBeGreaterThan(0);
    expect(fit.report).toMatchObject({ scoresReplaced: true, spend: { model: "gamma-gamma" } });
    expect(fit.report.diagnostics).toHaveProperty("probabilityAliveMatrix");
    expect(fit.report.diagnostics).toHaveProperty("clv");

    const profile = (await api.call(ws, "GET", `/api/customers/${customerIds[0]}`)).json<CustomerProfileJson>();
    expect(profile.scores).toMatchObject({ fit_id: fit.id });
    expect(profile.scores!.p_alive).toBeGreaterThan(0);
    expect(profile.scores!.p_alive).toBeLessThanOrEqual(1);
    expect(Number(profile.scores!.clv)).toBeGreaterThan(0);
  });

  it("runs the refit during the request when no job runner is wired", async () => {
    const other = await api.createWorkspace();
    await addBuyers(api, other);
    const res = await api.call(other, "POST", "/api/analytics/clv/refit");
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ job_id: null, status: "completed" });
    expect((await api.call(other, "GET", "/api/analytics/clv")).statusCode).toBe(200);
  });
});
