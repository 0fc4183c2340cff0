import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SegmentMessageInput } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { ingestSegmentMessages } from "./ingest-segment-messages.ts";

describe.each(testEngines())("ingestSegmentMessages on %s", (engine) => {
  let database: Database;
  const ctx = (workspaceId: string): RequestContext => ({ workspaceId, actorId: "tok_test", role: "admin", purpose: null, requestId: "req" });
  const a = ctx("ws_a");
  const b = ctx("ws_b");
  const ingest = (c: RequestContext, messages: SegmentMessageInput[]) =>
    ingestSegmentMessages(c, { repositories: createRepositories(database) }, { messages, batch: true, receivedAt: new Date("2026-03-01T12:00:00Z") });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await database.db
      .insertInto("workspaces")
      .values([
        { id: "ws_a", name: "A", slug: "a", settings: {}, default_currency: "EUR" },
        { id: "ws_b", name: "B", slug: "b", settings: {} },
      ])
      .execute();
  });
  afterAll(async () => {
    await database.close();
  });

  it("stores identify, group and track as customers, a link and timeline events; a retry creates nothing", async () => {
    const messages: SegmentMessageInput[] = [
      { type: "identify", userId: "u1", messageId: "m1", traits: { name: "Ada", email: "ada@example.com", address: { country: "GB" }, favourite: "tea" } },
      { type: "group", userId: "u1", groupId: "g1", messageId: "m2", traits: { name: "Acme", industry: "Retail", employees: 40 } },
      { type: "track", userId: "u2", event: "Signed Up", messageId: "m3", timestamp: "2026-02-01T00:00:00Z", properties: { via: "ad" } },
      { type: "track", anonymousId: "anon-1", event: "Viewed", messageId: "m4" },
    ];
    const first = await ingest(a, messages);
    expect(first).toMatchObject({ received: 4, duplicates: 0, counts: { events: 2 } });
    const again = await ingest(a, messages);
    expect(again).toMatchObject({ received: 4, duplicates: 4, counts: { events: 0, orders: 0 } });

    const customers = await database.db.selectFrom("customers").selectAll().where("workspace_id", "=", "ws_a").orderBy("external_id").execute();
    expect(customers.map((c) => [c.external_id, c.kind, c.name, c.version])).toEqual([
      ["g1", "organization", "Acme", 1],
      ["u1", "person", "Ada", 1],
      ["u2", "person", null, 1],
    ]);
    const [g1, u1] = customers;
    expect(u1).toMatchObject({ email: "ada@example.com", country: "GB", parent_customer_id: g1?.id, attributes: { favourite: "tea", address: { country: "GB" } } });
    expect(g1).toMatchObject({ industry: "Retail", size_band: "11-50" });
    const events = await database.db.selectFrom("events").selectAll().where("workspace_id", "=", "ws_a").orderBy("message_id").execute();
    expect(events.map((e) => [e.type, e.message_id, e.source, e.customer_id === null])).toEqual([
      ["Signed Up", "m3", "segment", false],
      ["Viewed", "m4", "segment", true],
    ]);
    expect(events[0]?.occurred_at.toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });

  it("updates a known person with later traits, bumping its version only when something changed", async () => {
    await ingest(a, [{ type: "identify", userId: "u1", messageId: "m5", traits: { phone: "+44 1" } }]);
    await ingest(a, [{ type: "track", userId: "u1", event: "Opened", messageId: "m6" }]);
    const u1 = await database.db.selectFrom("customers").selectAll().where("workspace_id", "=", "ws_a").where("external_id", "=", "u1").executeTakeFirstOrThrow();
    expect(u1).toMatchObject({ name: "Ada", phone: "+44 1", version: 2 });
  });

  it("turns Order Completed into an order with exact totals and lines, and a refund into a negative order", async () => {
    await ingest(a, [
      {
        type: "track",
        userId: "u3",
        event: "Order Completed",
        messageId: "o1",
        properties: { order_id: "A-100", total: "30.1", products: [{ product_id: "p1", name: "Tea", price: 0.1, quantity: 3, category: "Drinks" }, { sku: "S-2", name: "Pot", price: "29.8" }] },
      },
      { type: "track", userId: "u3", event: "Order Refunded", messageId: "o2", properties: { order_id: "A-100" } },
    ]);
    const orders = await database.db.selectFrom("orders").selectAll().where("workspace_id", "=", "ws_a").orderBy("external_id").execute();
    expect(orders.map((o) => [o.external_id, o.status, o.total, o.currency, o.line_count])).toEqual([
      ["A-100", "completed", "30.1000", "EUR", 2],
      ["A-100:refund:o2", "returned", "-30.1000", "EUR", 2],
    ]);
    const lines = await database.db.selectFrom("order_lines").selectAll().where("workspace_id", "=", "ws_a").orderBy("amount", "desc").execute();
    expect(lines.map((l) => [l.sku, l.quantity, l.unit_price, l.amount])).toEqual([
      ["S-2", "1.0000", "29.8000", "29.8000"],
      [null, "3.0000", "0.1000", "0.3000"],
      [null, "-3.0000", "0.1000", "-0.3000"],
      ["S-2", "-1.0000", "29.8000", "-29.8000"],
    ]);
    const products = await database.db.selectFrom("products").select(["external_id", "name", "category"]).where("workspace_id", "=", "ws_a").orderBy("external_id").execute();
    expect(products).toEqual([
      { external_id: "S-2", name: "Pot", category: null },
      { external_id: "p1", name: "Tea", category: "Drinks" },
    ]);
    expect(lines.every((l) => l.product_id !== null)).toBe(true);
  });

  it("stores nothing of a batch with one bad message, naming it", async () => {
    const before = await database.db.selectFrom("events").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const error = await ingest(a, [
      { type: "track", userId: "u9", event: "Fine", messageId: "x1" },
      { type: "track", userId: "u9", event: "Order Completed", messageId: "x2", properties: { order_id: "B-1" } },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details.field).toBe("batch[1].properties.total");
    const after = await database.db.selectFrom("events").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const ledger = await database.db.selectFrom("ingested_messages").select("message_id").where("message_id", "in", ["x1", "x2"]).execute();
    expect(ledger).toEqual([]);
  });

  it("rolls back the whole batch when a groupId is already a person's external id", async () => {
    const error = await ingest(a, [
      { type: "track", userId: "u10", event: "Fine", messageId: "k1" },
      { type: "group", userId: "u10", groupId: "u1", messageId: "k2" },
    ]).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: "conflict", details: { field: "batch[1].groupId" } });
    const u10 = await database.db.selectFrom("customers").select("id").where("external_id", "=", "u10").execute();
    expect(u10).toEqual([]);
  });

  it("keeps workspaces apart: the same ids in another workspace are new customers and new messages", async () => {
    const result = await ingest(b, [{ type: "identify", userId: "u1", messageId: "m1", traits: { name: "Other Ada" } }]);
    expect(result.duplicates).toBe(0);
    const rows = await database.db.selectFrom("customers").select(["workspace_id", "name"]).where("external_id", "=", "u1").orderBy("workspace_id").execute();
    expect(rows).toEqual([
      { workspace_id: "ws_a", name: "Ada" },
      { workspace_id: "ws_b", name: "Other Ada" },
    ]);
  });
});
