import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, type RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { refitCustomerValue } from "./refit-customer-value.ts";
import { loadCdnowOrders } from "./testing/cdnow-orders.ts";

const ctx = (workspaceId: string): RequestContext => ({ workspaceId, actorId: "system", role: "admin", purpose: null, requestId: "test" });
const calibrationEnd = new Date("1997-09-30T00:00:00Z");
// 8 of the 2,357 CDNOW customers only ever paid $0: no purchase, so no score.
const buyers = 2349;

describe.each(testEngines())("refitCustomerValue on %s", (engine) => {
  let database: Database;
  const refit = (workspaceId: string, at = new Date("1997-10-01T06:00:00Z")) =>
    refitCustomerValue(ctx(workspaceId), { repositories: createRepositories(database), now: () => at }, { observationEnd: calibrationEnd });
  const scores = (workspaceId: string) =>
    database.db.selectFrom("customer_scores").selectAll().where("workspace_id", "=", workspaceId).orderBy("customer_id").execute();

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await database.db
      .insertInto("workspaces")
      .values([
        { id: "ws_cd", name: "CDNOW", slug: "cdnow", settings: "{}" },
        { id: "ws_empty", name: "Empty", slug: "empty", settings: "{}" },
        { id: "ws_bad", name: "Bad", slug: "bad", settings: JSON.stringify({ clv: { margin: 3 } }) },
      ])
      .execute();
    await loadCdnowOrders(database, "ws_cd");
  });
  afterAll(async () => {
    await database.close();
  });

  it("fits BG/NBD on the CDNOW calibration period in days and scores every customer", async () => {
    const outcome = await refit("ws_cd");
    if (outcome.kind !== "fitted") throw new Error(`expected a fit, got ${outcome.kind}`);
    const { fit } = outcome;
    expect(fit).toMatchObject({ model: "bg-nbd", converged: true, customers: buyers });
    // Fader, Hardie & Lee (2005): r = 0.243, α = 4.414 weeks, a = 0.793, b = 2.426.
    expect(fit.params.r).toBeCloseTo(0.243, 2);
    expect(fit.params.alpha! / 7).toBeCloseTo(4.414, 1);
    expect(fit.params.a).toBeCloseTo(0.793, 2);
    expect(fit.params.b).toBeCloseTo(2.426, 1);
    expect(outcome.scoresReplaced).toBe(true);

    const stored = await createRepositories(database).customerValue.findLatestFit("ws_cd");
    expect(stored).toMatchObject({ id: fit.id, converged: true, customers: buyers, rows: fit.rows });
    expect(stored?.report).toMatchObject({ scoresReplaced: true, scoredCustomers: buyers, spend: { model: "gamma-gamma", converged: true } });
    const diagnostics = stored?.report.diagnostics as { probabilityAlive: { counts: number[] }; probabilityAliveMatrix: { values: unknown[][] } };
    expect(diagnostics.probabilityAlive.counts.reduce((a, b) => a + b, 0)).toBe(buyers);
    expect(diagnostics.probabilityAliveMatrix.values.length).toBeGreaterThan(5);

    const rows = await scores("ws_cd");
    expect(rows).toHaveLength(buyers);
    for (const r of rows) {
      expect(r.fit_id).toBe(fit.id);
      expect(r.p_alive).toBeGreaterThanOrEqual(0);
      expect(r.p_alive).toBeLessThanOrEqual(1);
      expect(r.expected_purchases_365).toBeGreaterThanOrEqual(r.expected_purchases_90);
      expect(Number(r.clv)).toBeGreaterThanOrEqual(0);
      expect(Number(r.expected_spend)).toBeGreaterThan(0);
      expect(r.monetary === null).toBe(r.frequency === 0);
    }
    // A frequent, recent buyer is worth more than a one-off buyer of the same age.
    const best = rows.reduce((a, b) => (Number(b.clv) > Number(a.clv) ? b : a));
    expect(best.frequency).toBeGreaterThan(3);
    expect(best.computed_at.toISOString()).toBe("1997-10-01T06:00:00.000Z");
  });

  it("replaces the scores on the next refit, with CLV following the workspace margin", async () => {
    const before = new Map((await scores("ws_cd")).map((r) => [r.customer_id, Number(r.clv)]));
    await database.db.updateTable("workspaces").set({ settings: JSON.stringify({ clv: { margin: 0.6 } }) }).where("id", "=", "ws_cd").execute();
    const outcome = await refit("ws_cd", new Date("1997-10-02T06:00:00Z"));
    if (outcome.kind !== "fitted") throw new Error("expected a fit");
    const after = await scores("ws_cd");
    expect(after).toHaveLength(buyers);
    expect(new Set(after.map((r) => r.fit_id))).toEqual(new Set([outcome.fit.id]));
    for (const r of after.slice(0, 200)) expect(Number(r.clv)).toBeCloseTo(2 * before.get(r.customer_id)!, 2);
  });

  it("stores nothing for a workspace without purchases, and names a bad setting", async () => {
    expect(await refit("ws_empty")).toEqual({ kind: "no_customers" });
    expect(await createRepositories(database).customerValue.findLatestFit("ws_empty")).toBeNull();
    const error = await refit("ws_bad").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ category: "invalid_input", details: { field: "settings.clv.margin" } });
    await expect(refit("ws_nope")).rejects.toMatchObject({ category: "not_found" });
  });
});
