import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "@tenure/storage";

/** One order of the CDNOW sample, as loaded. */
export interface CdnowOrder {
  customerId: string | null;
  orderedAt: Date;
  total: number;
  status: "completed" | "cancelled";
}

/**
 * Test support only: the CDNOW sample (packages/analytics/test-fixtures,
 * 2,357 customers, 6,919 purchases) as a workspace's orders, at 12:00 UTC on
 * the purchase day, plus orders every summary must leave out: a cancelled
 * one, an anonymous one, and one of value 0. Returns the orders as loaded.
 */
export async function loadCdnowOrders(database: Database, workspaceId: string): Promise<CdnowOrder[]> {
  const path = fileURLToPath(new URL("../../../../analytics/test-fixtures/CDNOW_sample.txt", import.meta.url));
  const orders: CdnowOrder[] = [];
  for (const line of readFileSync(path, "utf8").trim().split("\n")) {
    const [master, , date, , value] = line.trim().split(/\s+/);
    const orderedAt = new Date(`${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}T12:00:00Z`);
    orders.push({ customerId: `cus_${workspaceId}_${master}`, orderedAt, total: Number(value), status: "completed" });
  }
  const someone = orders[0]!.customerId;
  orders.push(
    { customerId: someone, orderedAt: new Date("1997-03-03T10:00:00Z"), total: 500, status: "cancelled" },
    { customerId: null, orderedAt: new Date("1997-03-04T10:00:00Z"), total: 80, status: "completed" },
    { customerId: someone, orderedAt: new Date("1997-03-05T23:59:59Z"), total: 0, status: "completed" },
  );
  const customerIds = [...new Set(orders.map((o) => o.customerId).filter((id) => id !== null))];
  const chunk = 1000;
  for (let i = 0; i < customerIds.length; i += chunk) {
    await database.db
      .insertInto("customers")
      .values(customerIds.slice(i, i + chunk).map((id) => ({ workspace_id: workspaceId, id, external_id: id, kind: "person" as const, attributes: "{}" })))
      .execute();
  }
  for (let i = 0; i < orders.length; i += chunk) {
    await database.db
      .insertInto("orders")
      .values(
        orders.slice(i, i + chunk).map((o, k) => ({
          workspace_id: workspaceId,
          id: `ord_${workspaceId}_${i + k}`,
          external_id: `cdnow-${i + k}`,
          customer_id: o.customerId,
          ordered_at: o.orderedAt,
          currency: "USD",
          status: o.status,
          total: o.total.toFixed(2),
          attributes: "{}",
        })),
      )
      .execute();
  }
  return orders;
}
