import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createUser } from "@tenure/app";
import type { ClvRankingJson } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

describe.each(testEngines())("customers ranked by value on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let rep: TestWorkspace;
  const ids: string[] = [];

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    const user = await createUser(ws.ctx, { repositories: api.repositories }, { email: "rita@example.com", role: "rep", password: "correct horse battery" });
    const token = await createApiToken(ws.ctx, { repositories: api.repositories }, { kind: "api", name: "rita", role: "rep", userId: user.id });
    rep = { ...ws, token: token.secret };
    for (const [i, owner] of [null, user.id, null, null].entries()) ids.push((await api.createCustomer(ws, { kind: "person", name: `Buyer ${i}`, ownerUserId: owner })).id);
    await api.database.db
      .insertInto("clv_fits")
      .values({ workspace_id: ws.id, id: "fit_rank", model: "bg-nbd", params: "{}", standard_errors: "{}", log_likelihood: -1, converged: true, customers: 4, rows: 4, report: "{}" })
      .execute();
    const clvs = ["120.5000", "980.2500", null, "45.0000"];
    await api.database.db
      .insertInto("customer_scores")
      .values(
        ids.map((id, i) => ({
          workspace_id: ws.id,
          customer_id: id,
          fit_id: "fit_rank",
          frequency: i,
          recency: i,
          age: 10,
          p_alive: 0.5 + i / 10,
          expected_purchases_90: 0.1,
          expected_purchases_365: 0.4 + i,
          expected_spend: clvs[i] === null ? null : "20.0000",
          clv: clvs[i] ?? null,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await api?.close();
  });

  it("lists customers by CLV, highest first, leaving out those without one", async () => {
    const res = await api.call(ws, "GET", "/api/analytics/clv/customers?limit=10");
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<ClvRankingJson>().items;
    expect(items.map((r) => [r.customer_id, r.clv])).toEqual([
      [ids[1], "980.2500"],
      [ids[0], "120.5000"],
      [ids[3], "45.0000"],
    ]);
    expect(items[0]).toMatchObject({ kind: "person", p_alive: 0.6, expected_purchases_365: 1.4, expected_spend: "20.0000" });
    expect((await api.call(ws, "GET", "/api/analytics/clv/customers?limit=1")).json<ClvRankingJson>().items).toHaveLength(1);
  });

  it("shows a rep only its own portfolio", async () => {
    const items = (await api.call(rep, "GET", "/api/analytics/clv/customers")).json<ClvRankingJson>().items;
    expect(items.map((r) => r.customer_id)).toEqual([ids[1]]);
  });
});
