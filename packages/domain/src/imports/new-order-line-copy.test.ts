import { describe, expect, it } from "vitest";
import { NewOrderLineCopy } from "./new-order-line-copy.ts";
import { stagedRows } from "./staged-rows.ts";

const fields = ["order_external_id", "line_no", "product_external_id", "description", "quantity"];

function batch(...values: (string | null)[][]) {
  const rows = stagedRows("order-lines", fields);
  rows.values.push(...values);
  rows.lines.push(...values.map((_, i) => 10 + i));
  return rows;
}

describe("NewOrderLineCopy", () => {
  it("copies lines of created orders with their ids, escaped, and leaves the others to upsert with their batch positions", () => {
    const copy = new NewOrderLineCopy("ws_1");
    copy.addOrders([["o1", "ord_1"]]);
    const rows = batch(
      ["o1", "1", "p1", "tab\there, line\nbreak \\ slash", "2"],
      ["o1", "2", null, null, "1"],
      ["o1", "3", "p-missing", "x", "1"],
      ["o-stored", "1", "p1", "y", "1"],
      ["o1", "1", "p1", "again", "3"],
    );
    expect(copy.productsToLookUp(rows)).toEqual(["p1", "p-missing"]);
    copy.addProducts([["p1", "prd_1"], ["p-missing", null]]);
    expect(copy.productsToLookUp(rows)).toEqual([]);
    const encoded = copy.encode(rows);
    expect(encoded.columns).toEqual(["workspace_id", "order_id", "product_id", "line_no", "description", "quantity"]);
    expect(encoded.text).toBe("ws_1\tord_1\tprd_1\t1\ttab\\there, line\\nbreak \\\\ slash\t2\nws_1\tord_1\t\\N\t2\t\\N\t1\n");
    expect(encoded.copied).toBe(2);
    expect(encoded.positions).toEqual([2, 3, 4]);
    expect(encoded.rest.values.map((v) => v[3])).toEqual(["x", "y", "again"]);
    expect(encoded.rest.lines).toEqual([12, 13, 14]);
  });

  it("knows each line number it copied into an order, in file order or not, written \"7\" or \"07\"", () => {
    const copy = new NewOrderLineCopy("ws_1");
    copy.addOrders([["o1", "ord_1"]]);
    const numbers = ["1", "2", "4", "3", "07", "5", "2", "7", "6", "4", "8"];
    const encoded = copy.encode(batch(...numbers.map((n) => ["o1", n, null, null, "1"])));
    // copied once each: 1, 2, 4, 3, 07, 5, 6, 8; again (left to update the copy): 2, 7, 4
    expect(encoded.copied).toBe(8);
    expect(encoded.positions).toEqual([6, 7, 9]);
    expect(copy.encode(batch(["o1", "9", null, null, "1"], ["o1", "3", null, null, "1"])).positions).toEqual([1]);
  });

  it("remembers the keys it copied across batches, and copies nothing before an order was created", () => {
    const copy = new NewOrderLineCopy("ws_1");
    const none = copy.encode(batch(["o1", "1", null, null, "1"]));
    expect([none.copied, none.positions]).toEqual([0, [0]]);
    copy.addOrders([["o1", "ord_1"]]);
    expect(copy.encode(batch(["o1", "1", null, null, "1"])).copied).toBe(1);
    const second = copy.encode(batch(["o1", "1", null, null, "4"], ["o1", "2", null, null, "1"]));
    expect([second.copied, second.positions]).toEqual([1, [0]]);
  });
});
