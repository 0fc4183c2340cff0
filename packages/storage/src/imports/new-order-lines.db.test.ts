import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewOrderLineCopy, stagedRows } from "@tenure/domain";
import { newId } from "@tenure/shared";
import type { Database } from "../database/create-database.ts";
import { openTestDatabase, testEngines } from "../testing/test-databases.ts";
import { writeImportLines } from "../testing/write-import-lines.ts";
import { createImportRepository } from "./create-import-repository.ts";

const lineFields = ["order_external_id", "line_no", "product_external_id", "quantity", "unit_price", "amount"];

describe.each(testEngines())("lines of orders a run created (copied) and the others (upserted), on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it("copies the lines it can, and rejects the others at their own index in the batch", async () => {
    const workspaceId = newId("workspace");
    await database.db.insertInto("workspaces").values({ id: workspaceId, name: "Fresh", slug: "fresh", settings: {} }).execute();
    const session = await createImportRepository(database).begin(workspaceId);
    const products = stagedRows("products", ["external_id", "name"]);
    products.values.push(["p1", "One"]);
    await session.insertMissing(products);
    const orders = stagedRows("orders", ["external_id", "ordered_at", "currency"]);
    orders.values.push(["o1", "2024-01-01T00:00:00.000Z", "EUR"]);
    const created = await session.upsert(orders);
    expect(created.inserted).toBe(1);
    expect(created.created?.map(([key]) => key)).toEqual(["o1"]);
    const lineCopy = new NewOrderLineCopy(workspaceId);
    lineCopy.addOrders(created.created ?? []);

    const lines = stagedRows("order-lines", lineFields);
    lines.values.push(
      ["o1", "1", "p1", "2", "1.5", "3"],
      ["o1", "2", "p-unknown", "1", "1", "1"],
      ["o-unknown", "1", null, "1", "1", "1"],
      ["o1", "3", null, "-1", "0.5", "-0.5"],
    );
    lines.lines.push(2, 3, 4, 5);
    const outcome = await writeImportLines(session, lineCopy, lines);
    expect([outcome.inserted, outcome.updated, outcome.unchanged]).toEqual([2, 0, 0]);
    expect(outcome.rejected.map((r) => [r.index, r.field, r.value])).toEqual([
      [1, "product_external_id", "p-unknown"],
      [2, "order_external_id", "o-unknown"],
    ]);
    await session.commit();

    const stored = await database.db.selectFrom("order_lines").select(["line_no", "product_id", "amount", "discount"]).where("workspace_id", "=", workspaceId).orderBy("line_no").execute();
    const p1 = await database.db.selectFrom("products").select("id").where("workspace_id", "=", workspaceId).where("external_id", "=", "p1").executeTakeFirstOrThrow();
    expect(stored).toEqual([
      { line_no: 1, product_id: p1.id, amount: "3.0000", discount: "0.0000" },
      { line_no: 3, product_id: null, amount: "-0.5000", discount: "0.0000" },
    ]);
  });

  it("writes a line whose key the run already wrote as an update of it (last wins), within a batch and across batches", async () => {
    const workspaceId = newId("workspace");
    await database.db.insertInto("workspaces").values({ id: workspaceId, name: "Twice", slug: "twice", settings: {} }).execute();
    const session = await createImportRepository(database).begin(workspaceId);
    const orders = stagedRows("orders", ["external_id", "ordered_at", "currency"]);
    orders.values.push(["o1", "2024-01-01T00:00:00.000Z", "EUR"]);
    const lineCopy = new NewOrderLineCopy(workspaceId);
    lineCopy.addOrders((await session.upsert(orders)).created ?? []);
    const batch = (...values: (string | null)[][]) => {
      const lines = stagedRows("order-lines", lineFields);
      lines.values.push(...values);
      lines.lines.push(...values.map((_, i) => i + 2));
      return writeImportLines(session, lineCopy, lines);
    };
    const first = await batch(["o1", "1", null, "1", "2", "2"], ["o1", "2", null, "1", "1", "1"], ["o1", "1", null, "2", "2", "4"]);
    expect([first.inserted, first.updated, first.unchanged, first.rejected.length]).toEqual([2, 1, 0, 0]);
    const second = await batch(["o1", "2", null, "1", "1", "1"], ["o1", "3", null, "5", "1", "5"], ["o1", "2", null, "3", "1", "3"]);
    expect([second.inserted, second.updated, second.unchanged, second.rejected.length]).toEqual([1, 1, 1, 0]);
    await session.commit();

    const stored = await database.db.selectFrom("order_lines").select(["line_no", "amount"]).where("workspace_id", "=", workspaceId).orderBy("line_no").execute();
    expect(stored).toEqual([
      { line_no: 1, amount: "4.0000" },
      { line_no: 2, amount: "3.0000" },
      { line_no: 3, amount: "5.0000" },
    ]);
    const o1 = await database.db.selectFrom("orders").select(["total", "line_count"]).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    expect(o1).toEqual({ total: "12.0000", line_count: 3 });
  });
});
