import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewOrderLineCopy, stagedRows } from "@tenure/domain";
import { newId } from "@tenure/shared";
import type { Database } from "../database/create-database.ts";
import { openTestDatabase, testEngines } from "../testing/test-databases.ts";
import { writeImportLines } from "../testing/write-import-lines.ts";
import { createImportRepository } from "./create-import-repository.ts";

const lineFields = ["order_external_id", "line_no", "product_external_id", "quantity", "unit_price", "amount"];

/** A first load into an empty order_lines table builds its indexes after the copies; the table must end as it was. */
describe.each(testEngines())("order line indexes deferred on an empty table, on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  const indexes = async (): Promise<string[]> =>
    (await sql<{ def: string }>`select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = 'order_lines'::regclass order by 1`.execute(database.db)).rows.map((r) => r.def);
  const checkEnabled = async (): Promise<string | undefined> =>
    (await sql<{ enabled: string }>`select tgenabled as enabled from pg_trigger where tgname = 'order_lines_orders_exist_on_insert'`.execute(database.db)).rows[0]?.enabled;

  async function importLines(slug: string, lines: (string | null)[][], end: "commit" | "rollback"): Promise<string> {
    const workspaceId = newId("workspace");
    await database.db.insertInto("workspaces").values({ id: workspaceId, name: slug, slug, settings: {} }).execute();
    const session = await createImportRepository(database).begin(workspaceId);
    const products = stagedRows("products", ["external_id", "name"]);
    products.values.push(["p1", "One"]);
    await session.insertMissing(products);
    const orders = stagedRows("orders", ["external_id", "ordered_at", "currency"]);
    orders.values.push(["o1", "2024-01-01T00:00:00.000Z", "EUR"], ["o2", "2024-01-02T00:00:00.000Z", "EUR"]);
    const lineCopy = new NewOrderLineCopy(workspaceId);
    lineCopy.addOrders((await session.upsert(orders)).created ?? []);
    for (const line of lines) {
      const batch = stagedRows("order-lines", lineFields);
      batch.values.push(line);
      batch.lines.push(2);
      await writeImportLines(session, lineCopy, batch);
    }
    if (end === "commit") await session.commit();
    else await session.rollback();
    return workspaceId;
  }

  it("rebuilds the same indexes and the order check after the load, and they work", async () => {
    const before = await indexes();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const rolledBack = await importLines("dry", [["o1", "1", "p1", "1", "2", "2"]], "rollback");
    expect(await indexes()).toEqual(before);
    expect(await database.db.selectFrom("order_lines").select("line_no").where("workspace_id", "=", rolledBack).execute()).toEqual([]);

    const workspaceId = await importLines("fresh", [["o1", "1", "p1", "1", "2", "2"], ["o2", "1", null, "3", "1", "3"], ["o1", "2", "p1", "2", "2", "4"]], "commit");
    expect(await indexes()).toEqual(before);
    expect(await checkEnabled()).toBe("O");
    const stored = await database.db.selectFrom("order_lines").innerJoin("orders", "orders.id", "order_lines.order_id")
      .select(["orders.external_id", "order_lines.line_no", "order_lines.amount"]).where("order_lines.workspace_id", "=", workspaceId).orderBy("orders.external_id").orderBy("line_no").execute();
    expect(stored).toEqual([
      { external_id: "o1", line_no: 1, amount: "2.0000" },
      { external_id: "o1", line_no: 2, amount: "4.0000" },
      { external_id: "o2", line_no: 1, amount: "3.0000" },
    ]);
    const [o1] = await database.db.selectFrom("orders").select("id").where("workspace_id", "=", workspaceId).where("external_id", "=", "o1").execute();
    const line = { workspace_id: workspaceId, order_id: o1?.id ?? "", line_no: 1, quantity: "1", unit_price: "1", amount: "1" };
    await expect(database.db.insertInto("order_lines").values(line).execute()).rejects.toThrow(/duplicate key/);
    await expect(database.db.insertInto("order_lines").values({ ...line, order_id: "ord_unknown" }).execute()).rejects.toThrow(/order that does not exist/);
  });

  it("updates a line copied earlier in the run when the run writes its key again, and rebuilds the indexes", async () => {
    await database.db.deleteFrom("order_lines").execute(); // empty again, so the indexes are deferred
    const before = await indexes();
    const workspaceId = await importLines("twice", [["o1", "1", "p1", "1", "2", "2"], ["o2", "1", null, "1", "1", "1"], ["o1", "1", "p1", "3", "2", "6"]], "commit");
    expect(await indexes()).toEqual(before);
    const stored = await database.db.selectFrom("order_lines").innerJoin("orders", "orders.id", "order_lines.order_id")
      .select(["orders.external_id", "order_lines.line_no", "order_lines.quantity", "orders.total", "orders.line_count"]).where("order_lines.workspace_id", "=", workspaceId).orderBy("orders.external_id").execute();
    expect(stored).toEqual([
      { external_id: "o1", line_no: 1, quantity: "3.0000", total: "6.0000", line_count: 1 },
      { external_id: "o2", line_no: 1, quantity: "1.0000", total: "0.0000", line_count: 0 },
    ]);
  });
});
