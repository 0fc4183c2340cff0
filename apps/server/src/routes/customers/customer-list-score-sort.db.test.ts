import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerJson, Problem } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

interface ListJson {
  items: CustomerJson[];
  total: number;
  next_cursor: string | null;
}

describe.each(testEngines())("sorting the customers list by CLV and P(alive), on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  /** name → [clv ("" = none: no spend model), p_alive]; null: never scored. Created in this order, which is no score order. */
  const customers: Array<[string, [string, number] | null]> = [
    ["C", ["250.0000", 0.9]],
    ["Unscored 1", null],
    ["No spend model", ["", 0.3]],
    ["A", ["1000.5000", 0.2]],
    ["E", ["10.0000", 0.5]],
    ["Unscored 2", null],
    ["B", ["1000.5000", 0.7]],
    ["D", ["99.9900", 0.05]],
  ];
  const idOf = new Map<string, string>();

  /** Every page of `sort`, two customers a page, following next_cursor. */
  const allPages = async (sort: string): Promise<string[]> => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api.call(ws, "GET", `/api/customers?type=organization&limit=2&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<ListJson>();
      expect(page.total).toBe(customers.length);
      names.push(...page.items.map((c) => c.name ?? ""));
      cursor = page.next_cursor;
    } while (cursor !== null);
    return names;
  };

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    for (const [name, score] of customers) {
      const created = await api.createCustomer(ws, { kind: "organization", name });
      idOf.set(name, created.id);
      if (score === null) continue;
      await api.database.db
        .insertInto("customer_scores")
        .values({
          workspace_id: ws.id,
          customer_id: created.id,
          fit_id: "fit_1",
          frequency: 2,
          recency: 10,
          age: 40,
          monetary: "10.0000",
          p_alive: score[1],
          expected_purchases_90: 0.1,
          expected_purchases_365: 0.4,
          expected_spend: "10.0000",
          clv: score[0] === "" ? null : score[0],
        })
        .execute();
    }
  });
  afterAll(async () => {
    await api.close();
  });

  /** Names with equal keys in id order (the tie-break), in the list's direction. */
  const byId = (names: string[], direction: 1 | -1) => names.sort((a, b) => direction * ((idOf.get(a) ?? "") < (idOf.get(b) ?? "") ? -1 : 1));

  it("pages by CLV, most valuable first or last, ties by id, customers without scores last both ways", async () => {
    const without = ["Unscored 1", "No spend model", "Unscored 2"];
    expect(await allPages("-clv")).toEqual([...byId(["A", "B"], -1), "C", "D", "E", ...byId(without, -1)]);
    expect(await allPages("clv")).toEqual(["E", "D", "C", ...byId(["A", "B"], 1), ...byId(without, 1)]);
  });

  it("pages by P(alive), most at risk first, customers without scores last", async () => {
    expect(await allPages("p_alive")).toEqual(["D", "A", "No spend model", "E", "B", "C", ...byId(["Unscored 1", "Unscored 2"], 1)]);
    expect(await allPages("-p_alive")).toEqual(["C", "B", "E", "No spend model", "A", "D", ...byId(["Unscored 1", "Unscored 2"], -1)]);
  });

  it("refuses an unknown sort naming the field", async () => {
    const res = await api.call(ws, "GET", "/api/customers?sort=revenue");
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>()).toMatchObject({ code: "invalid_input", field: "sort" });
  });
});
