import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import type { Problem } from "@tenure/api-schemas";
import { createApiToken } from "@tenure/app";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

describe.each(testEngines())("Segment-compatible /v1 API on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let writeKey: string;
  let otherKey: string;

  const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
  const send = (key: string | null, path: string, body: unknown): Promise<LightMyRequestResponse> =>
    api.app.inject({
      method: "POST",
      url: `/v1/${path}`,
      headers: { "content-type": "application/json", ...(key === null ? {} : { authorization: basic(key) }) },
      payload: JSON.stringify(body),
    });
  const problemOf = (res: LightMyRequestResponse) => {
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    return res.json<Problem>();
  };
  const count = async (table: "events" | "customers" | "orders" | "ingested_messages", workspaceId: string) =>
    (await api.database.db.selectFrom(table).select((e) => e.fn.countAll<number>().as("n")).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow()).n;
  const customer = (workspaceId: string, externalId: string) =>
    api.database.db.selectFrom("customers").selectAll().where("workspace_id", "=", workspaceId).where("external_id", "=", externalId).executeTakeFirst();

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    other = await api.createWorkspace();
    writeKey = (await createApiToken(ws.ctx, { repositories: api.repositories }, { kind: "write_key", name: "web" })).secret;
    otherKey = (await createApiToken(other.ctx, { repositories: api.repositories }, { kind: "write_key", name: "web" })).secret;
  });
  afterAll(async () => {
    await api.close();
  });

  it("identify, group, track and page answer {success: true} and store a person, an organisation, the link and events", async () => {
    const identify = await send(writeKey, "identify", { userId: "u1", messageId: "i1", traits: { name: "Ada Lovelace", email: "ada@example.com", plan: "pro" } });
    expect(identify.statusCode).toBe(200);
    expect(identify.json()).toEqual({ success: true });
    expect((await send(writeKey, "group", { userId: "u1", groupId: "acme", messageId: "g1", traits: { name: "Acme", employees: 300 } })).statusCode).toBe(200);
    expect((await send(writeKey, "track", { userId: "u1", event: "Report Exported", messageId: "t1", properties: { rows: 10 }, timestamp: "2026-02-03T04:05:06Z" })).statusCode).toBe(200);
    expect((await send(writeKey, "page", { userId: "u1", name: "Pricing", messageId: "p1" })).statusCode).toBe(200);

    const person = await customer(ws.id, "u1");
    const org = await customer(ws.id, "acme");
    expect(person).toMatchObject({ kind: "person", name: "Ada Lovelace", email: "ada@example.com", parent_customer_id: org?.id, attributes: { plan: "pro" } });
    expect(org).toMatchObject({ kind: "organization", name: "Acme", size_band: "201-500" });
    const events = await api.database.db.selectFrom("events").selectAll().where("workspace_id", "=", ws.id).orderBy("message_id").execute();
    expect(events.map((e) => [e.type, e.summary, e.customer_id === person?.id, e.properties])).toEqual([
      ["page", "Pricing", true, {}],
      ["Report Exported", null, true, { rows: 10 }],
    ]);
    expect(events[1]?.occurred_at.toISOString()).toBe("2026-02-03T04:05:06.000Z");
  });

  it("a batch stores everything; sending it again creates nothing new", async () => {
    const body = {
      batch: [
        { type: "identify", userId: "b1", messageId: "b-1", traits: { email: "b1@example.com" } },
        { type: "track", userId: "b2", event: "Signed Up", messageId: "b-2" },
        { type: "track", anonymousId: "anon", event: "Viewed", messageId: "b-3" },
      ],
      sentAt: "2026-03-01T00:00:00Z",
    };
    const before = { events: await count("events", ws.id), customers: await count("customers", ws.id) };
    expect((await send(writeKey, "batch", body)).json()).toEqual({ success: true });
    const after = { events: await count("events", ws.id), customers: await count("customers", ws.id) };
    expect(after).toEqual({ events: before.events + 2, customers: before.customers + 2 });
    expect(await customer(ws.id, "b2")).toMatchObject({ kind: "person", name: null });

    const again = await send(writeKey, "batch", body);
    expect(again.statusCode).toBe(200);
    expect({ events: await count("events", ws.id), customers: await count("customers", ws.id) }).toEqual(after);
  });

  it("refuses a whole batch with one bad message (400 naming batch[i].field) and stores none of it", async () => {
    const before = { events: await count("events", ws.id), ledger: await count("ingested_messages", ws.id) };
    const good = (i: number) => ({ type: "track", userId: "c1", event: "Clicked", messageId: `bad-batch-${i}` });
    const missingUser = await send(writeKey, "batch", { batch: [good(0), good(1), good(2), { type: "track", event: "Clicked", messageId: "x" }] });
    expect(missingUser.statusCode).toBe(400);
    expect(problemOf(missingUser)).toMatchObject({ code: "invalid_input", field: "batch[3].userId" });
    const wrongType = await send(writeKey, "batch", { batch: [good(0), { type: "alias", userId: "c1" }] });
    expect(problemOf(wrongType)).toMatchObject({ status: 400, field: "batch[1].type" });
    const noEvent = await send(writeKey, "batch", { batch: [good(0), good(1), { type: "track", userId: "c1" }] });
    expect(problemOf(noEvent)).toMatchObject({ status: 400, field: "batch[2].event" });
    expect({ events: await count("events", ws.id), ledger: await count("ingested_messages", ws.id) }).toEqual(before);
    expect(await customer(ws.id, "c1")).toBeUndefined();
  });

  it("answers 413 for a batch over 500 KB and a message over 32 KB, storing nothing", async () => {
    const before = await count("events", ws.id);
    const padding = "x".repeat(20 * 1024);
    const big = await send(writeKey, "batch", { batch: Array.from({ length: 30 }, (_, i) => ({ type: "track", userId: "d", event: "E", messageId: `big-${i}`, properties: { padding } })) });
    expect(big.statusCode).toBe(413);
    expect(problemOf(big).detail).toMatch(/500 KB/);
    const fat = await send(writeKey, "batch", { batch: [{ type: "track", userId: "d", event: "E", messageId: "fat-0" }, { type: "track", userId: "d", event: "E", messageId: "fat-1", properties: { padding: padding + padding } }] });
    expect(fat.statusCode).toBe(413);
    expect(problemOf(fat)).toMatchObject({ field: "batch[1]" });
    expect(problemOf(fat).detail).toMatch(/32 KB/);
    const single = await send(writeKey, "track", { userId: "d", event: "E", properties: { padding: padding + padding } });
    expect(single.statusCode).toBe(413);
    expect(problemOf(single).detail).toMatch(/32 KB/);
    expect(await count("events", ws.id)).toBe(before);
  });

  it("answers 401 without a write key, with a wrong or revoked one, and to an API token", async () => {
    const body = { userId: "e1", event: "E" };
    expect((await send(null, "track", body)).statusCode).toBe(401);
    expect(problemOf(await send("twk_wrong", "track", body)).code).toBe("invalid_token");
    expect((await send(ws.token, "track", body)).statusCode).toBe(401);
    const revoked = await createApiToken(ws.ctx, { repositories: api.repositories }, { kind: "write_key", name: "old" });
    await api.database.db.updateTable("api_tokens").set({ revoked_at: new Date(Date.now() - 1000) }).where("id", "=", revoked.token.id).execute();
    expect((await send(revoked.secret, "track", body)).statusCode).toBe(401);
    expect(await customer(ws.id, "e1")).toBeUndefined();
  });

  it("answers 403 to a write key whose role may not ingest", async () => {
    const analyst = await createApiToken(ws.ctx, { repositories: api.repositories }, { kind: "write_key", name: "analyst", role: "analyst" });
    const res = await send(analyst.secret, "track", { userId: "e2", event: "E" });
    expect(res.statusCode).toBe(403);
    expect(problemOf(res).code).toBe("permission_denied");
    expect(await customer(ws.id, "e2")).toBeUndefined();
  });

  it("Order Completed creates an order with exact decimal total and lines", async () => {
    const res = await send(writeKey, "track", {
      userId: "f1",
      event: "Order Completed",
      messageId: "order-1",
      properties: {
        order_id: "50314b8e",
        total: 27.5,
        revenue: 25,
        currency: "USD",
        products: [
          { product_id: "507f1f77", sku: "45790-32", name: "Monopoly", price: 19.99, quantity: 1, category: "Games" },
          { product_id: "505bd76785", sku: "46493-32", name: "Uno Card Game", price: 2.67, quantity: 2, category: "Games" },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const order = await api.database.db.selectFrom("orders").selectAll().where("workspace_id", "=", ws.id).where("external_id", "=", "50314b8e").executeTakeFirstOrThrow();
    expect(order).toMatchObject({ total: "27.5000", currency: "USD", status: "completed", line_count: 2, source: "segment", customer_id: (await customer(ws.id, "f1"))?.id });
    const lines = await api.database.db.selectFrom("order_lines").selectAll().where("workspace_id", "=", ws.id).where("order_id", "=", order.id).orderBy("line_no").execute();
    expect(lines.map((l) => [l.sku, l.description, l.quantity, l.unit_price, l.amount])).toEqual([
      ["45790-32", "Monopoly", "1.0000", "19.9900", "19.9900"],
      ["46493-32", "Uno Card Game", "2.0000", "2.6700", "5.3400"],
    ]);
  });

  it("a write key writes only into its own workspace", async () => {
    const before = await count("customers", ws.id);
    expect((await send(otherKey, "identify", { userId: "u1", messageId: "i1", traits: { name: "Someone else" } })).statusCode).toBe(200);
    expect(await count("customers", ws.id)).toBe(before);
    expect((await customer(ws.id, "u1"))?.name).toBe("Ada Lovelace");
    expect((await customer(other.id, "u1"))?.name).toBe("Someone else");
  });

  it("documents the /v1 routes in OpenAPI with the write-key basic auth scheme", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
      components: { securitySchemes: Record<string, { scheme?: string }> };
    }>();
    for (const path of ["/v1/identify", "/v1/track", "/v1/group", "/v1/page", "/v1/screen", "/v1/batch"]) {
      expect(doc.paths[path]?.post?.security).toEqual([{ writeKey: [] }]);
    }
    expect(doc.components.securitySchemes.writeKey?.scheme).toBe("basic");
  });
});
