import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@tenure/app";
import type { CustomerJson, Problem } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

interface ListJson {
  items: CustomerJson[];
  next_cursor: string | null;
}

describe.each(testEngines())("sorting the customers list by name while names are masked, on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let analystToken: string;
  // Created in this order, which is not their alphabetical order.
  const people = ["Zoe Adams", "Mia Brown", "Adam Young"];

  /** GET as the workspace's admin or analyst token, with X-Purpose only when given. */
  const get = (url: string, options: { purpose?: string; analyst?: boolean } = {}) =>
    api.app.inject({
      method: "GET",
      url,
      headers: { authorization: `Bearer ${options.analyst ? analystToken : ws.token}`, ...(options.purpose ? { "x-purpose": options.purpose } : {}) },
    });
  const ids = (res: { json: <T>() => T }) => res.json<ListJson>().items.map((c) => c.id);

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    analystToken = (await createApiToken(ws.ctx, { repositories: api.repositories }, { kind: "api", name: "analyst", role: "analyst" })).secret;
    for (const name of people) await api.createCustomer(ws, { kind: "person", name, email: `${name.split(" ")[0]?.toLowerCase()}@example.com` });
    for (const name of ["Beta Org", "Alpha Org"]) await api.createCustomer(ws, { kind: "organization", name });
  });
  afterAll(async () => {
    await api.close();
  });

  it("sorts by name, by default too, when the request may show the names", async () => {
    const byName = ["Adam Young", "Alpha Org", "Beta Org", "Mia Brown", "Zoe Adams"];
    for (const url of ["/api/customers", "/api/customers?sort=name"]) {
      const res = await get(url, { purpose: "service" });
      expect(res.statusCode).toBe(200);
      expect(res.json<ListJson>().items.map((c) => c.name)).toEqual(byName);
    }
  });

  it.each([
    ["an admin without a purpose", "/api/customers?sort=name", {}],
    ["an admin without a purpose, descending", "/api/customers?sort=-name", {}],
    ["an admin with a purpose the workspace or role does not allow for reading (analytics)", "/api/customers?sort=name", { purpose: "analytics" }],
    ["an analyst, even declaring service", "/api/customers?sort=name", { purpose: "service", analyst: true }],
    ["an analyst's CSV export", "/api/customers/export.csv?sort=name", { analyst: true }],
  ] as const)("refuses to sort by name for %s, with a problem naming sort", async (_who, url, options) => {
    const res = await get(url, options);
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json<Problem>()).toMatchObject({ status: 403, code: "personal_data_masked", field: "sort" });
  });

  it("lists masked callers in creation order by default, with no name in the cursor", async () => {
    const all = await get("/api/customers", { analyst: true });
    expect(all.statusCode).toBe(200);
    const created = ids(await get("/api/customers?sort=created_at", { purpose: "service" }));
    expect(ids(all)).toEqual(created);
    expect(all.json<ListJson>().items.map((c) => c.name)).not.toContain("Adam Young");

    const page = await get("/api/customers?limit=2");
    const cursor = Buffer.from(page.json<ListJson>().next_cursor ?? "", "base64url").toString("utf8");
    for (const name of people) expect(cursor.toLowerCase()).not.toContain(name.toLowerCase());
    const next = await get(`/api/customers?limit=10&cursor=${page.json<ListJson>().next_cursor}`);
    expect([...ids(page), ...ids(next)]).toEqual(created);
  });

  it("keeps the name of a customer masked by withdrawn consent out of a name-sorted page's cursor", async () => {
    const adam = (await get("/api/customers?sort=name&limit=1", { purpose: "service" })).json<ListJson>().items[0];
    expect(adam?.name).toBe("Adam Young");
    const withdrawn = await api.call(ws, "POST", `/api/customers/${adam?.id}/consents`, { purpose: "service", status: "withdrawn" });
    expect(withdrawn.statusCode).toBe(201);

    const page = (await get("/api/customers?sort=name&limit=1", { purpose: "service" })).json<ListJson>();
    expect(page.items.map((c) => [c.id, c.name])).toEqual([[adam?.id, "A*** Y***"]]);
    expect(Buffer.from(page.next_cursor ?? "", "base64url").toString("utf8").toLowerCase()).not.toContain("adam");
    // the next page goes on from the cursor's row
    const next = (await get(`/api/customers?sort=name&limit=1&cursor=${page.next_cursor}`, { purpose: "service" })).json<ListJson>();
    expect(next.items.map((c) => c.name)).toEqual(["Alpha Org"]);
  });

  it("does not find a customer who withdrew consent by name or e-mail, only by external id", async () => {
    const mia = (await get("/api/customers?q=mia", { purpose: "service" })).json<ListJson>().items[0];
    expect(mia?.name).toBe("Mia Brown");
    await api.call(ws, "PATCH", `/api/customers/${mia?.id}`, { external_id: "crm-mia" });
    const withdrawn = await api.call(ws, "POST", `/api/customers/${mia?.id}/consents`, { purpose: "marketing", status: "withdrawn" });
    expect(withdrawn.statusCode).toBe(201);
    const found = (url: string, purpose?: string) => get(url, purpose ? { purpose } : {}).then((res) => res.json<ListJson & { total: number }>());

    // Declaring service, which she still allows, her name shows and can be searched.
    expect((await found("/api/customers?q=mi", "service")).items.map((c) => c.name)).toEqual(["Mia Brown"]);
    // Without a purpose every name is masked, and hers (withdrawn for a purpose) cannot be probed for.
    for (const q of ["mi", "mia%20b", "mia@example.com"]) expect(await found(`/api/customers?q=${q}`)).toMatchObject({ items: [], total: 0 });
    // Zoe, who withdrew nothing, is still found by a masked search.
    expect((await found("/api/customers?q=zo")).items.map((c) => c.id)).toHaveLength(1);
    // By external id she is found (masked): it names no one.
    expect((await found("/api/customers?q=crm-mia")).items.map((c) => [c.id, c.name])).toEqual([[mia?.id, "M*** B***"]]);

    await api.call(ws, "POST", `/api/customers/${mia?.id}/consents`, { purpose: "service", status: "withdrawn" });
    expect(await found("/api/customers?q=mia", "service")).toMatchObject({ items: [], total: 0 });
    expect((await found("/api/customers?q=crm-mia&sort=-clv", "service")).items.map((c) => c.id)).toEqual([mia?.id]);
  });

  it("still sorts organisations by name for a masked caller: their names are not personal", async () => {
    const res = await get("/api/customers?type=organization&sort=name", { analyst: true });
    expect(res.statusCode).toBe(200);
    expect(res.json<ListJson>().items.map((c) => c.name)).toEqual(["Alpha Org", "Beta Org"]);
  });
});
