import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@tenure/shared";
import type { Database } from "../database/create-database.ts";
import { openTestDatabase, testEngines } from "../testing/test-databases.ts";

/** Migration 0010: order lines check their order per statement, as the foreign key they replace did per row. */
describe.each(testEngines())("order line checks on %s", (engine) => {
  let database: Database;
  let workspaceId = "";

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    workspaceId = newId("workspace");
    await database.db.insertInto("workspaces").values({ id: workspaceId, name: "Checks", slug: "checks", settings: {} }).execute();
  });
  afterAll(async () => {
    await database.close();
  });

  async function order(externalId: string): Promise<string> {
    const id = newId("order");
    await database.db.insertInto("orders").values({ workspace_id: workspaceId, id, external_id: externalId, ordered_at: new Date("2024-01-01T00:00:00Z"), currency: "EUR", total: "0" }).execute();
    return id;
  }
  const line = (orderId: string, lineNo: number, workspace = workspaceId) => ({ workspace_id: workspace, order_id: orderId, line_no: lineNo, quantity: "1", unit_price: "2", amount: "2" });
  const lineCount = async (orderId: string): Promise<number> =>
    (await database.db.selectFrom("order_lines").select((eb) => eb.fn.countAll<number>().as("n")).where("workspace_id", "=", workspaceId).where("order_id", "=", orderId).executeTakeFirstOrThrow()).n;

  it("refuses a statement with one line of an unknown order, naming it, and stores none of its lines", async () => {
    const known = await order("o-known");
    const error = await database.db.insertInto("order_lines").values([line(known, 1), line("ord_missing", 1)]).execute().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "23503", detail: expect.stringContaining("ord_missing") });
    expect(await lineCount(known)).toBe(0);
  });

  it("refuses a line whose order is in another workspace, on insert and on update", async () => {
    const other = newId("workspace");
    await database.db.insertInto("workspaces").values({ id: other, name: "Other", slug: "other", settings: {} }).execute();
    const id = await order("o-cross");
    await expect(database.db.insertInto("order_lines").values(line(id, 1, other)).execute()).rejects.toMatchObject({ code: "23503" });
    await database.db.insertInto("order_lines").values(line(id, 1)).execute();
    await expect(database.db.updateTable("order_lines").set({ order_id: "ord_elsewhere" }).where("order_id", "=", id).execute()).rejects.toMatchObject({ code: "23503" });
    expect(await lineCount(id)).toBe(1);
  });

  it("deletes an order's lines with it, and keeps the id of an order that has lines", async () => {
    const kept = await order("o-kept");
    const gone = await order("o-gone");
    await database.db.insertInto("order_lines").values([line(kept, 1), line(gone, 1), line(gone, 2)]).execute();
    await expect(sql`update orders set id = 'ord_renamed' where id = ${kept}`.execute(database.db)).rejects.toMatchObject({ code: "23503" });
    await database.db.deleteFrom("orders").where("id", "=", gone).execute();
    expect([await lineCount(gone), await lineCount(kept)]).toEqual([0, 1]);
  });
});
