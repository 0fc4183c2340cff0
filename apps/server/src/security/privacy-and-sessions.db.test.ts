import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createUser } from "@tenure/app";
import { newId } from "@tenure/shared";
import { testEngines } from "@tenure/storage";
import { buildApp } from "../build-app.ts";
import { openTestApi, type TestApi, type TestWorkspace } from "../testing/open-test-api.ts";

interface Json {
  [key: string]: unknown;
}

describe.each(testEngines())("sessions, consent and data subject requests on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  const password = "correct horse battery";

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    await createUser(ws.ctx, { repositories: api.repositories }, { email: "Rita.Rep@Example.com", role: "rep", name: "Rita", password });
  });
  afterAll(async () => {
    await api.close();
  });

  const signIn = (email: string, pass: string, headers: Record<string, string> = {}) =>
    api.app.inject({ method: "POST", url: "/api/session", headers: { "content-type": "application/json", ...headers }, payload: JSON.stringify({ email, password: pass }) });

  it("signs in with a HttpOnly SameSite=Lax cookie (Secure behind https), guards unsafe requests with the CSRF token, and signs out", async () => {
    const res = await signIn("rita.rep@example.com", password);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ csrf_token: string; role: string; user: { email: string } }>();
    expect(body).toMatchObject({ role: "rep", user: { email: "rita.rep@example.com" }, authenticated_by: "session" });
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/^tenure_session=tns_[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    expect(setCookie).not.toContain("Secure");
    expect(String((await signIn("rita.rep@example.com", password, { "x-forwarded-proto": "https" })).headers["set-cookie"])).toContain("; Secure");
    const cookie = setCookie.split(";")[0] ?? "";

    const me = await api.app.inject({ method: "GET", url: "/api/session/me", headers: { cookie } });
    expect(me.json()).toMatchObject({ role: "rep", permissions: expect.arrayContaining(["customers.read"]) });
    const create = (headers: Record<string, string>) =>
      api.app.inject({ method: "POST", url: "/api/customers", headers: { cookie, "content-type": "application/json", ...headers }, payload: JSON.stringify({ kind: "person", name: "Pat" }) });
    expect((await create({})).json()).toMatchObject({ status: 403, code: "csrf_token_invalid", field: "X-CSRF-Token" });
    expect((await create({ "x-csrf-token": "forged" })).statusCode).toBe(403);
    expect((await create({ "x-csrf-token": body.csrf_token, origin: "https://evil.example", host: "tenure.local" })).json()).toMatchObject({ code: "cross_origin" });
    const created = await create({ "x-csrf-token": body.csrf_token });
    expect(created.statusCode).toBe(201);
    // A rep's new customer lands in its own portfolio.
    expect(created.json<{ owner_user_id: string }>().owner_user_id).toMatch(/^usr_/);

    const out = await api.app.inject({ method: "DELETE", url: "/api/session", headers: { cookie, "x-csrf-token": body.csrf_token } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toContain("Max-Age=0");
    expect((await api.app.inject({ method: "GET", url: "/api/session/me", headers: { cookie } })).json()).toMatchObject({ status: 401, code: "invalid_session" });
  });

  it("answers a wrong password and an unknown e-mail alike, then backs off with 429 and Retry-After", async () => {
    const address = { "x-forwarded-for": "ignored" };
    const wrong = await signIn("rita.rep@example.com", "not the password!", address);
    const unknown = await signIn("nobody@example.com", "not the password!", address);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const detail = (r: typeof wrong) => r.json<Json>()["detail"];
    expect(detail(unknown)).toBe(detail(wrong));
    let last = wrong;
    for (let i = 0; i < 3; i++) last = await signIn("rita.rep@example.com", "still wrong!!", address);
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    // Even the right password waits until the back-off ends.
    expect((await signIn("rita.rep@example.com", password)).statusCode).toBe(429);
  });

  it("shows a rep only its own portfolio and an agent only the customers it supports", async () => {
    const deps = { repositories: api.repositories };
    const rep = await createUser(ws.ctx, deps, { email: "ron.rep@example.com", role: "rep" });
    const agent = await createUser(ws.ctx, deps, { email: "ada.agent@example.com", role: "agent" });
    const mine = await api.createCustomer(ws, { kind: "person", name: "Owned Olga", ownerUserId: rep.id });
    const other = await api.createCustomer(ws, { kind: "person", name: "Other Otto" });
    await api.repositories.assignments.assign(ws.id, agent.id, other.id);
    const tokenOf = async (userId: string) => (await createApiToken(ws.ctx, deps, { kind: "api", name: "u", userId })).secret;
    const asRep: TestWorkspace = { ...ws, token: await tokenOf(rep.id) };
    const asAgent: TestWorkspace = { ...ws, token: await tokenOf(agent.id) };
    const names = async (who: TestWorkspace) => (await api.call(who, "GET", "/api/customers?limit=200")).json<{ items: { name: string }[] }>().items.map((c) => c.name);
    expect(await names(asRep)).toEqual(["Owned Olga"]);
    expect(await names(asAgent)).toEqual(["Other Otto"]);
    expect((await api.call(asRep, "GET", `/api/customers/${other.id}`)).statusCode).toBe(404);
    expect((await api.call(asRep, "PATCH", `/api/customers/${other.id}`, { name: "x" })).statusCode).toBe(404);
    expect((await api.call(asAgent, "GET", `/api/customers/${mine.id}/timeline`)).statusCode).toBe(404);
    expect((await api.call(asRep, "PATCH", `/api/customers/${mine.id}`, { owner_user_id: agent.id })).json()).toMatchObject({ status: 403, field: "owner_user_id" });
    // An agent sees personal data for service, not for sales.
    expect((await api.call(asAgent, "GET", `/api/customers/${other.id}`, undefined, { "x-purpose": "service" })).json()).toMatchObject({ customer: { name: "Other Otto" } });
    expect((await api.call(asAgent, "GET", `/api/customers/${other.id}`, undefined, { "x-purpose": "sales" })).json()).toMatchObject({ customer: { name: "O*** O***" } });
  });

  it("records consent per purpose with history, and a withdrawn purpose keeps personal data masked", async () => {
    const customer = await api.createCustomer(ws, { kind: "person", name: "Mona Marketing", email: "mona@example.net" });
    const post = (purpose: string, status: string) => api.call(ws, "POST", `/api/customers/${customer.id}/consents`, { purpose, status, source: "web" });
    expect((await post("marketing", "granted")).statusCode).toBe(201);
    expect((await post("marketing", "withdrawn")).statusCode).toBe(201);
    expect((await post("curiosity", "granted")).json()).toMatchObject({ status: 400, field: "purpose" });
    const consents = (await api.call(ws, "GET", `/api/customers/${customer.id}/consents`)).json<{ current: Json; history: Json[] }>();
    expect(consents.current["marketing"]).toMatchObject({ status: "withdrawn", source: "web" });
    expect(consents.history.map((h) => h["status"])).toEqual(["withdrawn", "granted"]);
    const asMarketing = await api.call(ws, "GET", `/api/customers/${customer.id}`, undefined, { "x-purpose": "marketing" });
    expect(asMarketing.json()).toMatchObject({ customer: { name: "M*** M***", email: "m***@e***.net" } });
    const asService = await api.call(ws, "GET", `/api/customers/${customer.id}`, undefined, { "x-purpose": "service" });
    expect(asService.json()).toMatchObject({ customer: { name: "Mona Marketing" } });
  });

  it("records consent from Segment identify traits (traits.consent = { marketing: false })", async () => {
    const writeKey = (await createApiToken(ws.ctx, { repositories: api.repositories }, { kind: "write_key", name: "web" })).secret;
    const identify = await api.app.inject({
      method: "POST",
      url: "/v1/identify",
      headers: { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`, "content-type": "application/json" },
      payload: JSON.stringify({ userId: "seg-77", traits: { email: "seg77@example.com", consent: { marketing: false, service: true, curiosity: true } } }),
    });
    expect(identify.statusCode).toBe(200);
    const found = (await api.call(ws, "GET", "/api/customers?q=seg-77")).json<{ items: { id: string }[] }>();
    const id = found.items[0]?.id ?? "";
    const consents = (await api.call(ws, "GET", `/api/customers/${id}/consents`)).json<{ current: Json; history: Json[] }>();
    expect(consents.current).toMatchObject({ marketing: { status: "withdrawn", source: "segment" }, service: { status: "granted", source: "segment" } });
    expect(consents.history).toHaveLength(2);
  });

  it("exports everything about a person, then erases it so that nothing of it is found by name or e-mail anywhere", async () => {
    const name = "Zelda Quixote";
    const email = "zelda.q@example.org";
    const zelda = await api.createCustomer(ws, { kind: "person", name, email, phone: "+49 30 1234 5678", externalId: "zq-1", attributes: { plan: "gold", address: { city: "Berlin" }, notes: "Zelda likes tea" } });
    await api.addOrders(ws, zelda.id, [{ ordered_at: "2025-03-01T00:00:00Z", total: "120.5" }]);
    await api.database.db
      .insertInto("events")
      .values({ workspace_id: ws.id, id: newId("event"), customer_id: zelda.id, type: "identify", occurred_at: new Date(), source: "segment", summary: `Identified ${name}`, properties: JSON.stringify({ traits: { email, plan: "gold" }, page: "/pricing" }) })
      .execute();
    await api.call(ws, "POST", `/api/customers/${zelda.id}/consents`, { purpose: "marketing", status: "granted" });
    await api.call(ws, "GET", `/api/customers/${zelda.id}`, undefined, { "x-purpose": "sales" });

    const exported = await api.call(ws, "POST", `/api/customers/${zelda.id}/export`);
    expect(exported.statusCode).toBe(200);
    const doc = exported.json<Json>();
    expect(doc).toMatchObject({ customer_id: zelda.id, customer: { name, email } });
    for (const key of ["contacts", "orders", "order_lines", "invoices", "payments", "contracts", "events", "consents", "scores", "audit_of_reads"]) expect(doc).toHaveProperty(key);
    expect((doc["orders"] as Json[]).length).toBe(1);
    expect((doc["audit_of_reads"] as Json[]).length).toBeGreaterThan(0);

    const erased = await api.call(ws, "POST", `/api/customers/${zelda.id}/erase`);
    expect(erased.json()).toMatchObject({ customer_id: zelda.id, events_pseudonymised: expect.any(Number) });
    expect((await api.call(ws, "POST", `/api/customers/${zelda.id}/erase`)).json()).toMatchObject({ status: 409, code: "already_erased" });

    const traces = [
      await api.call(ws, "GET", `/api/customers?q=zelda`),
      await api.call(ws, "GET", `/api/customers?q=${encodeURIComponent(email)}`),
      await api.call(ws, "GET", `/api/customers?q=zq-1`),
      await api.call(ws, "GET", `/api/customers?limit=200`),
      await api.call(ws, "GET", `/api/customers/${zelda.id}`),
      await api.call(ws, "GET", `/api/customers/${zelda.id}/timeline`),
      await api.call(ws, "POST", `/api/customers/${zelda.id}/export`),
      await api.call(ws, "GET", `/api/audit?format=csv&limit=1000`),
      await api.call(ws, "GET", `/api/audit?limit=1000`),
    ];
    for (const res of traces) {
      expect(res.statusCode, res.body).toBeLessThan(300);
      expect(res.body).not.toMatch(/zelda|quixote|1234 5678|zq-1|likes tea|berlin/i);
    }
    for (const search of traces.slice(0, 3)) expect(search.json()).toMatchObject({ total: 0 });
    // Aggregates stay: the order and its amount are still there.
    expect(traces[4]?.json()).toMatchObject({ orders: { order_count: 1, revenue: "120.5" }, customer: { name: null, email: null, attributes: { plan: "gold" } } });
  });

  it("keeps tokens, cookies, CSRF tokens and personal data out of the logs", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    const app = await buildApp({ repositories: api.repositories, logger: { level: "trace", stream } });
    await app.inject({ method: "GET", url: `/api/customers?q=${encodeURIComponent("leaky@example.com")}`, headers: { authorization: `Bearer ${ws.token}`, cookie: "tenure_session=tns_secretcookie" } });
    await app.inject({ method: "POST", url: "/api/session", headers: { "content-type": "application/json" }, payload: JSON.stringify({ email: "leaky@example.com", password: "hunter2hunter2" }) });
    app.log.info({ headers: { authorization: `Bearer ${ws.token}`, cookie: "tenure_session=tns_secretcookie" }, customer: { name: "Leaky Person", email: "leaky@example.com", phone: "+1 555 0100" } }, "probe");
    await app.close();
    const log = lines.join("");
    expect(log).toContain("probe");
    expect(log).toContain("/api/customers?q=[redacted]");
    expect(log).not.toContain(ws.token);
    expect(log).not.toMatch(/tns_secretcookie|hunter2|leaky@example\.com|Leaky Person|555 0100/);
  });
});
