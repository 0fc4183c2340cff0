import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeCaseStatus, createApiToken, createUser, type JobQueue } from "@tenure/app";
import type { Problem } from "@tenure/api-schemas";
import type { Customer } from "@tenure/domain";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

interface CaseJson {
  id: string;
  status: string;
  version: number;
  priority: string;
  subject: string;
  reopen_count: number;
  first_response_at: string | null;
  resolved_at: string | null;
  owner_user_id: string | null;
}
interface ListJson {
  items: CaseJson[];
  total: number;
  next_cursor: string | null;
}

describe.each(testEngines())("case API on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let acme: Customer;

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    acme = await api.createCustomer(ws, { kind: "organization", name: "Acme" });
    await api.repositories.cases.ensureTeams([{ workspaceId: ws.id, id: "team_billing", name: "Billing", timeZone: "Europe/Berlin" }]);
  });
  afterAll(async () => {
    await api.close();
  });

  const open = async (body: Record<string, unknown>, who: TestWorkspace = ws) => api.call(who, "POST", "/api/cases", { customer_id: acme.id, ...body });
  const problem = (res: { statusCode: number; headers: Record<string, unknown>; json: <T>() => T }) => {
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    return res.json<Problem>();
  };

  it("opens a case once per external id and puts it on the customer's timeline", async () => {
    const first = await open({ subject: "Invoice twice", external_id: "T-1", priority: "high", team_id: "team_billing" });
    expect(first.statusCode).toBe(201);
    const again = await open({ subject: "Invoice twice (retry)", external_id: "T-1" });
    expect(again.statusCode).toBe(200);
    expect(again.json<CaseJson>().id).toBe(first.json<CaseJson>().id);
    expect(again.json<CaseJson>().subject).toBe("Invoice twice");
    const timeline = (await api.call(ws, "GET", `/api/customers/${acme.id}/timeline?type=case.opened`)).json<{ items: { properties: { case_id: string } }[] }>();
    expect(timeline.items.map((e) => e.properties.case_id)).toEqual([first.json<CaseJson>().id]);
  });

  it("refuses an unknown team or customer, naming the field", async () => {
    expect(problem(await open({ subject: "x", team_id: "team_nope" }))).toMatchObject({ status: 400, field: "team_id" });
    expect((await api.call(ws, "POST", "/api/cases", { customer_id: "cus_nope", subject: "x" })).statusCode).toBe(404);
  });

  it("refuses a stale version with 409 version_conflict", async () => {
    const created = (await open({ subject: "Login fails" })).json<CaseJson>();
    const ok = await api.call(ws, "PATCH", `/api/cases/${created.id}`, { priority: "urgent", version: 1 });
    expect(ok.json<CaseJson>()).toMatchObject({ priority: "urgent", version: 2 });
    const stale = await api.call(ws, "PATCH", `/api/cases/${created.id}`, { priority: "low", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale)).toMatchObject({ code: "version_conflict", field: "version" });
  });

  it("walks the life cycle: refuses invalid moves, needs a note to resolve, counts a reopen, stamps the first response", async () => {
    const c = (await open({ subject: "Export broken" })).json<CaseJson>();
    const status = (body: Record<string, unknown>) => api.call(ws, "POST", `/api/cases/${c.id}/status`, body);
    const closed = await status({ status: "closed" });
    expect(closed.statusCode).toBe(409);
    expect(problem(closed)).toMatchObject({ code: "invalid_transition", from: "new", to: "closed" });
    expect((await status({ status: "open" })).json<CaseJson>().status).toBe("open");
    const response = await api.call(ws, "POST", `/api/cases/${c.id}/comments`, { kind: "response", body: "Looking into it" });
    expect(response.statusCode).toBe(201);
    await api.call(ws, "POST", `/api/cases/${c.id}/comments`, { kind: "response", body: "Still on it" });
    expect(problem(await status({ status: "resolved" }))).toMatchObject({ status: 400, field: "resolution_note" });
    const resolved = (await status({ status: "resolved", resolution_note: "Fixed the export job" })).json<CaseJson>();
    expect(resolved.resolved_at).not.toBeNull();
    const reopened = (await status({ status: "open" })).json<CaseJson>();
    expect(reopened).toMatchObject({ status: "open", reopen_count: 1, resolved_at: null });
    const events = (await api.call(ws, "GET", `/api/cases/${c.id}/events`)).json<{ items: { kind: string; to_status: string | null; data: Record<string, unknown> }[] }>();
    expect(events.items.map((e) => e.to_status ?? e.kind)).toEqual(["new", "open", "response", "response", "resolved", "open"]);
    expect(events.items.filter((e) => e.data["first_response"] === true)).toHaveLength(1);
    const fetched = (await api.call(ws, "GET", `/api/cases/${c.id}`)).json<CaseJson>();
    expect(fetched.first_response_at).not.toBeNull();
  });

  it("lists the queue by priority then age with filters, a total and stable pages", async () => {
    const other = await api.createWorkspace();
    const oc = await api.createCustomer(other, { kind: "person", name: "Other" });
    const subjects = ["q-low", "q-urgent-old", "q-urgent-new", "q-normal"];
    const priorities = ["low", "urgent", "urgent", "normal"];
    for (const [i, subject] of subjects.entries()) {
      await api.call(other, "POST", "/api/cases", { customer_id: oc.id, subject, priority: priorities[i], opened_at: `2026-01-0${i + 1}T00:00:00Z` });
    }
    const page1 = (await api.call(other, "GET", "/api/cases?status=new,open&limit=3")).json<ListJson>();
    expect(page1.total).toBe(4);
    expect(page1.items.map((c) => c.subject)).toEqual(["q-urgent-old", "q-urgent-new", "q-normal"]);
    const page2 = (await api.call(other, "GET", `/api/cases?status=new,open&limit=3&cursor=${page1.next_cursor}`)).json<ListJson>();
    expect(page2.items.map((c) => c.subject)).toEqual(["q-low"]);
    expect(page2.next_cursor).toBeNull();
    const newest = (await api.call(other, "GET", "/api/cases?sort=-opened_at&priority=urgent")).json<ListJson>();
    expect(newest.items.map((c) => c.subject)).toEqual(["q-urgent-new", "q-urgent-old"]);
    expect((await api.call(other, "GET", "/api/cases?q=URGENT-N")).json<ListJson>().items.map((c) => c.subject)).toEqual(["q-urgent-new"]);
    expect((await api.call(other, "GET", "/api/cases?status=resolved")).json<ListJson>().total).toBe(0);
    expect(problem(await api.call(other, "GET", `/api/cases?sort=opened_at&cursor=${page1.next_cursor}`))).toMatchObject({ field: "cursor" });
    expect((await api.call(other, "GET", "/api/cases?status=bogus")).statusCode).toBe(400);
  });

  it("lets an agent see the customers of the cases it owns, not others'", async () => {
    const deps = { repositories: api.repositories };
    const agent = await createUser(ws.ctx, deps, { email: "case.agent@example.com", role: "agent" });
    const stranger = await createUser(ws.ctx, deps, { email: "stranger.agent@example.com", role: "agent" });
    const tokenOf = async (userId: string): Promise<TestWorkspace> => ({ ...ws, token: (await createApiToken(ws.ctx, deps, { kind: "api", name: "u", userId })).secret });
    const asAgent = await tokenOf(agent.id);
    const asStranger = await tokenOf(stranger.id);
    const zed = await api.createCustomer(ws, { kind: "person", name: "Zed Case" });
    expect((await api.call(asAgent, "GET", `/api/customers/${zed.id}`)).statusCode).toBe(404);
    const mine = await api.call(asAgent, "POST", "/api/cases", { customer_id: zed.id, subject: "Agent's own" });
    expect(mine.json<CaseJson>().owner_user_id).toBe(agent.id);
    expect((await api.call(asAgent, "GET", `/api/customers/${zed.id}`)).statusCode).toBe(200);
    expect((await api.call(asAgent, "GET", "/api/cases")).json<ListJson>().items.map((c) => c.subject)).toEqual(["Agent's own"]);
    expect((await api.call(asStranger, "GET", `/api/cases/${mine.json<CaseJson>().id}`)).statusCode).toBe(404);
    expect((await api.call(asStranger, "GET", "/api/cases")).json<ListJson>().total).toBe(0);
    // Resolved long ago: the customer is no longer the agent's.
    await api.database.db.updateTable("cases" as never).set({ status: "resolved", resolved_at: new Date("2020-01-01T00:00:00Z") } as never).where("id" as never, "=", mine.json<CaseJson>().id as never).execute();
    expect((await api.call(asAgent, "GET", `/api/customers/${zed.id}`)).statusCode).toBe(404);
  });

  it("queues survey-triggers after a resolution when a job queue is present", async () => {
    const queued: unknown[] = [];
    const jobs: JobQueue = { enqueue: async (name, data) => (queued.push([name, data]), "job-1") };
    const c = (await open({ subject: "Slow page" })).json<CaseJson>();
    const deps = { repositories: api.repositories, jobs };
    await changeCaseStatus(ws.ctx, deps, { id: c.id, status: "open" });
    expect(queued).toEqual([]);
    await changeCaseStatus(ws.ctx, deps, { id: c.id, status: "resolved", resolutionNote: "Cache warmed" });
    expect(queued).toEqual([["survey-triggers", { workspaceId: ws.id }]]);
  });

  it("reports service metrics for the range", async () => {
    const res = await api.call(ws, "GET", "/api/analytics/service?from=2000-01-01&to=2100-01-01&groupBy=team");
    expect(res.statusCode).toBe(200);
    const body = res.json<{ total: { cases: number; resolved: number; reopen_rate: number }; groups: { group: string | null; cases: number }[] }>();
    expect(body.total.cases).toBeGreaterThanOrEqual(5);
    expect(body.groups.find((g) => g.group === "team_billing")?.cases).toBe(1);
    expect(problem(await api.call(ws, "GET", "/api/analytics/service?from=2026-02-01&to=2026-01-01"))).toMatchObject({ field: "from" });
  });
});
