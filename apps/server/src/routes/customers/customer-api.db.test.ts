import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerProfileSchema, type CustomerJson, type CustomerProfileJson, type Problem } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

interface ListJson {
  items: CustomerJson[];
  total: number;
  next_cursor: string | null;
}
interface TimelineJson {
  items: { type: string; properties: Record<string, unknown> }[];
  next_cursor: string | null;
}

describe.each(testEngines())("customer API on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let ana: CustomerJson;

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    other = await api.createWorkspace();
    const names = ["Zeta GmbH", "alpha AG", "Alpine Ltd", "Beta Inc", "anabel Co", "Gamma SA"];
    for (const [i, name] of names.entries()) {
      await api.createCustomer(ws, {
        kind: "organization",
        name,
        externalId: `ORG-${i}`,
        country: i % 2 === 0 ? "DE" : "FR",
        attributes: { plan: i < 3 ? "gold" : "free", seats: i },
      });
    }
    await api.createCustomer(other, { kind: "person", name: "Ana Secret", email: "ana@other.example", externalId: "P-1" });
    const res = await api.call(ws, "POST", "/api/customers", {
      kind: "person",
      name: "Ana Lima",
      email: "Ana.Lima@Example.com",
      external_id: "P-1",
      country: "BR",
      time_zone: "America/Sao_Paulo",
      locale: "pt-BR",
      attributes: { plan: "gold" },
    });
    expect(res.statusCode).toBe(201);
    ana = res.json<CustomerJson>();
  });
  afterAll(async () => {
    await api.close();
  });

  const problemOf = (res: { statusCode: number; headers: Record<string, unknown>; json: <T>() => T }) => {
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    return res.json<Problem>();
  };

  it("creates a customer and returns it with location and version 1", async () => {
    expect(ana).toMatchObject({ kind: "person", name: "Ana Lima", external_id: "P-1", version: 1, attributes: { plan: "gold" } });
    expect(ana.id).toMatch(/^cus_/);
  });

  it("refuses a second customer with the same external id, naming the existing one", async () => {
    const res = await api.call(ws, "POST", "/api/customers", { kind: "person", external_id: "P-1", name: "Dup" });
    expect(res.statusCode).toBe(409);
    expect(problemOf(res)).toMatchObject({ code: "customer_exists", field: "external_id", existing_id: ana.id });
  });

  it("lists with a name prefix, exact e-mail or exact external id, case-insensitively", async () => {
    const names = async (q: string) => (await api.call(ws, "GET", `/api/customers?q=${encodeURIComponent(q)}`)).json<ListJson>().items.map((c) => c.name);
    expect(await names("al")).toEqual(["alpha AG", "Alpine Ltd"]);
    expect(await names("ana.lima@example.COM")).toEqual(["Ana Lima"]);
    expect(await names("org-3")).toEqual(["Beta Inc"]);
    expect(await names("lima@example.com")).toEqual([]);
    expect(await names("%")).toEqual([]);
  });

  it("filters by type, country and attributes, with a total count", async () => {
    const res = await api.call(ws, "GET", "/api/customers?type=organization&country=DE&attr.plan=gold");
    expect(res.statusCode).toBe(200);
    const body = res.json<ListJson>();
    expect(body.items.map((c) => c.name)).toEqual(["Alpine Ltd", "Zeta GmbH"]);
    expect(body.total).toBe(2);
    const seats = await api.call(ws, "GET", "/api/customers?attr.seats=4");
    expect(seats.json<ListJson>().items.map((c) => c.name)).toEqual(["anabel Co"]);
  });

  it("pages through every customer once with a stable cursor, in each sort order", async () => {
    for (const sort of ["name", "-name", "created_at", "-updated_at"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/customers?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
        const page: ListJson = (await api.call(ws, "GET", url)).json<ListJson>();
        expect(page.total).toBe(7);
        seen.push(...page.items.map((c) => c.id));
        cursor = page.next_cursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(7);
    }
    const byName = (await api.call(ws, "GET", "/api/customers?sort=name")).json<ListJson>().items.map((c) => c.name);
    expect(byName).toEqual(["alpha AG", "Alpine Ltd", "Ana Lima", "anabel Co", "Beta Inc", "Gamma SA", "Zeta GmbH"]);
  });

  it("returns the profile with order summary, latest events and no scores yet", async () => {
    await api.addOrders(ws, ana.id, [
      { ordered_at: "2025-01-10T10:00:00Z", total: "100.10" },
      { ordered_at: "2025-03-01T10:00:00Z", total: "0.20" },
      { ordered_at: "2025-03-05T10:00:00Z", total: "-30.00", status: "returned" },
      { ordered_at: "2025-04-01T10:00:00Z", total: "999", status: "pending" },
    ]);
    const res = await api.call(ws, "GET", `/api/customers/${ana.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["etag"]).toBe('"1"');
    const profile = res.json<CustomerProfileJson>();
    expect(profile.customer.email).toBe("Ana.Lima@Example.com");
    expect(profile.orders).toEqual({
      order_count: 2,
      first_order_at: "2025-01-10T10:00:00.000Z",
      last_order_at: "2025-03-01T10:00:00.000Z",
      currency: "EUR",
      revenue: "70.3",
      revenue_by_currency: [{ currency: "EUR", revenue: "70.3" }],
    });
    expect(profile.timeline.map((e) => e.type)).toEqual(["customer.created"]);
    expect(profile.contacts).toEqual([]);
    expect(profile.scores).toBeNull();
    expect(profile.satisfaction).toEqual({ nps: null, csat: null, ces: null, csi: null, csi_responses: 0, open_follow_ups: 0 });
  });

  it("shows contacts and scores once they exist, money as exact decimals", async () => {
    const org = await api.createCustomer(ws, { kind: "organization", name: "Scored GmbH" });
    await api.database.db
      .insertInto("contacts")
      .values([
        { workspace_id: ws.id, id: "con_b", customer_id: org.id, name: "Bob", is_primary: false, attributes: "{}" },
        { workspace_id: ws.id, id: "con_a", customer_id: org.id, name: "Zoe", email: "zoe@scored.example", is_primary: true, attributes: "{}" },
      ])
      .execute();
    await api.database.db
      .insertInto("customer_scores")
      .values({
        workspace_id: ws.id,
        customer_id: org.id,
        fit_id: "fit_1",
        frequency: 3,
        recency: 10.5,
        age: 30,
        monetary: "12.3400",
        p_alive: 0.75,
        expected_purchases_90: 0.4,
        expected_purchases_365: 1.6,
        expected_spend: "0.1000",
        clv: "1234567.8912",
      })
      .execute();
    await sql`insert into customer_satisfaction (workspace_id, customer_id, nps, nps_at, acsi_n, acsi_sum1, acsi_sum2, acsi_sum3, open_follow_ups)
              values (${ws.id}, ${org.id}, 9, '2025-05-01T08:00:00Z', 2, 18, 16, 20, 1)`.execute(api.database.db);
    const profile = (await api.call(ws, "GET", `/api/customers/${org.id}`)).json<CustomerProfileJson>();
    // the route serialises without zod: the body must still be exactly the schema's shape
    expect(customerProfileSchema.parse(profile)).toEqual(profile);
    expect(profile.satisfaction).toEqual({
      nps: { value: 9, at: "2025-05-01T08:00:00.000Z" },
      csat: null,
      ces: null,
      csi: 88.9,
      csi_responses: 2,
      open_follow_ups: 1,
    });
    expect(profile.contacts.map((c) => [c.name, c.is_primary])).toEqual([
      ["Zoe", true],
      ["Bob", false],
    ]);
    expect(profile.scores).toMatchObject({ fit_id: "fit_1", p_alive: 0.75, monetary: "12.34", expected_spend: "0.1", clv: "1234567.8912" });
    expect(profile.orders).toEqual({ order_count: 0, first_order_at: null, last_order_at: null, currency: null, revenue: "0", revenue_by_currency: [] });
  });

  it("updates some fields, bumps the version and records the changed fields", async () => {
    const res = await api.call(ws, "PATCH", `/api/customers/${ana.id}`, { phone: "+55 11 5555", attributes: { plan: null, tier: 2 } }, { "if-match": '"1"' });
    expect(res.statusCode).toBe(200);
    const updated = res.json<CustomerJson>();
    expect(updated).toMatchObject({ version: 2, phone: "+55 11 5555", attributes: { tier: 2 }, name: "Ana Lima" });
    const stale = await api.call(ws, "PATCH", `/api/customers/${ana.id}`, { name: "Other" }, { "if-match": "1" });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ code: "version_conflict", field: "If-Match", current_version: 2 });
    const timeline = (await api.call(ws, "GET", `/api/customers/${ana.id}/timeline`)).json<TimelineJson>();
    expect(timeline.items.map((e) => e.type)).toEqual(["customer.updated", "customer.created"]);
    expect(timeline.items[0]?.properties["fields"]).toEqual(["phone", "attributes"]);
    const unchanged = await api.call(ws, "GET", `/api/customers/${ana.id}`);
    expect(unchanged.json<CustomerProfileJson>().customer.name).toBe("Ana Lima");
  });

  it("pages the timeline newest first and filters it by type", async () => {
    for (const name of ["A", "B", "C"]) await api.call(ws, "PATCH", `/api/customers/${ana.id}`, { industry: name });
    const first = (await api.call(ws, "GET", `/api/customers/${ana.id}/timeline?limit=2`)).json<TimelineJson>();
    expect(first.items).toHaveLength(2);
    const rest = (await api.call(ws, "GET", `/api/customers/${ana.id}/timeline?limit=10&cursor=${first.next_cursor}`)).json<TimelineJson>();
    expect(rest.items.map((e) => e.type)).toEqual(["customer.updated", "customer.updated", "customer.created"]);
    expect(rest.next_cursor).toBeNull();
    const created = (await api.call(ws, "GET", `/api/customers/${ana.id}/timeline?type=customer.created`)).json<TimelineJson>();
    expect(created.items.map((e) => e.type)).toEqual(["customer.created"]);
  });

  it.each([
    ["bad e-mail", "POST", "/api/customers", { kind: "person", email: "not-an-email" }, "email"],
    ["unknown field", "POST", "/api/customers", { kind: "person", nickname: "x" }, "nickname"],
    ["missing kind", "POST", "/api/customers", { name: "x" }, "kind"],
    ["bad kind", "POST", "/api/customers", { kind: "robot" }, "kind"],
    ["bad country", "POST", "/api/customers", { kind: "person", country: "XX" }, "country"],
    ["bad time zone", "POST", "/api/customers", { kind: "person", time_zone: "Mars/Olympus" }, "time_zone"],
    ["bad locale", "POST", "/api/customers", { kind: "person", locale: "english please" }, "locale"],
    ["unknown field on update", "PATCH", "/api/customers/cus_x", { emial: "a@b.co" }, "emial"],
    ["bad cursor", "GET", "/api/customers?cursor=not-a-cursor", undefined, "cursor"],
    ["bad sort", "GET", "/api/customers?sort=email", undefined, "sort"],
    ["limit too large", "GET", "/api/customers?limit=500", undefined, "limit"],
    ["unknown query parameter", "GET", "/api/customers?colour=red", undefined, "colour"],
    ["bad timeline cursor", "GET", "/api/customers/cus_x/timeline?cursor=abc", undefined, "cursor"],
  ] as const)("answers 400 invalid_input naming the field for %s", async (_name, method, url, body, field) => {
    const res = await api.call(ws, method, url, body);
    expect(res.statusCode).toBe(400);
    expect(problemOf(res)).toMatchObject({ status: 400, code: "invalid_input", field, instance: expect.any(String) });
  });

  it("refuses a cursor of another sort order", async () => {
    const page = (await api.call(ws, "GET", "/api/customers?limit=1&sort=created_at")).json<ListJson>();
    const res = await api.call(ws, "GET", `/api/customers?sort=name&cursor=${page.next_cursor}`);
    expect(problemOf(res)).toMatchObject({ code: "invalid_input", field: "cursor" });
  });

  it("answers 404 customer_not_found for an unknown id on every customer route", async () => {
    for (const [method, url, body] of [
      ["GET", "/api/customers/cus_nope", undefined],
      ["GET", "/api/customers/cus_nope/timeline", undefined],
      ["PATCH", "/api/customers/cus_nope", { name: "x" }],
    ] as const) {
      const res = await api.call(ws, method, url, body);
      expect(res.statusCode).toBe(404);
      expect(problemOf(res)).toMatchObject({ code: "customer_not_found", field: "id" });
    }
  });

  it("keeps workspaces apart: another workspace's customer is not found and never listed", async () => {
    const theirs = (await api.call(other, "GET", "/api/customers")).json<ListJson>();
    expect(theirs.items.map((c) => c.name)).toEqual(["Ana Secret"]);
    expect(theirs.total).toBe(1);
    const secretId = theirs.items[0]?.id ?? "";
    for (const url of [`/api/customers/${secretId}`, `/api/customers/${secretId}/timeline`]) {
      expect((await api.call(ws, "GET", url)).statusCode).toBe(404);
    }
    expect((await api.call(ws, "PATCH", `/api/customers/${secretId}`, { name: "hijacked" })).statusCode).toBe(404);
    const mine = (await api.call(ws, "GET", "/api/customers?q=ana&limit=200")).json<ListJson>();
    expect(mine.items.map((c) => c.name)).toEqual(["Ana Lima", "anabel Co"]);
    expect((await api.call(ws, "GET", "/api/customers?q=ana@other.example")).json<ListJson>().total).toBe(0);
    // The same external id may exist in both workspaces.
    expect(theirs.items[0]?.external_id).toBe("P-1");
  });
});
