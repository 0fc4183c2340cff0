import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@tenure/app";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

const hours = { mon: [{ start: "09:00", end: "17:00" }], tue: [{ start: "09:00", end: "17:00" }], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe.each(testEngines())("SLA, handoff and known-problem API on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;
  let receiver: TestWorkspace;
  const caseId = "case_api1";

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
    const db = api.database.db;
    await db.insertInto("users").values({ workspace_id: ws.id, id: "usr_rx", email: "rx@example.com", name: "Rex", role: "agent" }).execute();
    const token = await createApiToken(ws.ctx, { repositories: api.repositories }, { kind: "api", name: "rex", role: "agent", userId: "usr_rx" });
    receiver = { ...ws, token: token.secret };
    const customer = await api.createCustomer(ws, { kind: "person", name: "Carla" });
    await sql`insert into cases (workspace_id, id, customer_id, subject, status, opened_at) values (${ws.id}, ${caseId}, ${customer.id}, 'Cannot log in', 'open', '2026-01-12T09:00:00Z')`.execute(db);
  });
  afterAll(async () => {
    await api?.close();
  });
  const put = (as: TestWorkspace, url: string, body: unknown) =>
    api.app.inject({ method: "PUT", url, headers: { authorization: `Bearer ${as.token}`, "content-type": "application/json" }, payload: JSON.stringify(body) });

  it("configures calendars and policies with field errors, and shows a case's clocks", async () => {
    const bad = await api.call(ws, "POST", "/api/sla/calendars", { name: "Office", time_zone: "Nowhere/City", hours, holidays: ["2026-13-01"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "invalid_input", field: "time_zone", errors: [{ field: "time_zone" }, { field: "holidays.0" }] });
    expect((await api.call(ws, "POST", "/api/sla/calendars", { name: "Office", time_zone: "UTC", is_default: true, hours })).statusCode).toBe(201);
    const created = await api.call(ws, "POST", "/api/sla/policies", { name: "Standard", first_response_minutes: 60, resolution_minutes: 960 });
    expect(created.statusCode).toBe(201);
    const policyId = created.json<{ id: string }>().id;
    const replaced = await put(ws, `/api/sla/policies/${policyId}`, { name: "Standard", first_response_minutes: 30, resolution_minutes: 960, warn_at_percent: 50 });
    expect(replaced.json()).toMatchObject({ id: policyId, first_response_minutes: 30, warn_at_percent: 50 });
    const clocks = await api.call(ws, "GET", `/api/cases/${caseId}/sla`);
    expect(clocks.json<{ items: { metric: string; due_at: string }[] }>().items.map((c) => [c.metric, c.due_at])).toEqual([
      ["first_response", "2026-01-12T09:30:00.000Z"],
      ["resolution", "2026-01-13T17:00:00.000Z"],
    ]);
    const recompute = await api.call(ws, "POST", "/api/sla/recompute");
    expect(recompute.json()).toMatchObject({ cases: 1, clocks: 2, new_breaches: 2 });
    const alerts = await api.call(ws, "GET", "/api/sla/alerts?kind=breach");
    expect(alerts.json<{ items: { metric: string }[] }>().items.map((a) => a.metric).sort()).toEqual(["first_response", "resolution"]);
    expect((await api.call(receiver, "POST", "/api/sla/policies", { name: "Mine", first_response_minutes: 5 })).statusCode).toBe(403);
  });

  it("hands a case over with a brief the receiver sees and accepts", async () => {
    const missing = await api.call(ws, "POST", `/api/cases/${caseId}/handoffs`, { to_user_id: "usr_rx", brief: { problem: "Login fails after the password reset on every device." } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: "brief.tried" });
    const brief = { problem: "Login fails after the password reset on every device.", tried: "Reset twice", customer_mood: "calm", promised: "nothing yet" };
    const requested = await api.call(ws, "POST", `/api/cases/${caseId}/handoffs`, { to_user_id: "usr_rx", brief });
    expect(requested.statusCode).toBe(201);
    const handoffId = requested.json<{ id: string }>().id;
    const inbox = await api.call(receiver, "GET", "/api/handoffs?to=me");
    expect(inbox.json<{ items: { id: string; brief: unknown }[] }>().items).toEqual([expect.objectContaining({ id: handoffId, brief })]);
    expect((await api.call(ws, "POST", `/api/cases/${caseId}/handoffs/${handoffId}/accept`)).statusCode).toBe(403);
    const accepted = await api.call(receiver, "POST", `/api/cases/${caseId}/handoffs/${handoffId}/accept`);
    expect(accepted.json()).toMatchObject({ status: "accepted" });
  });

  it("links a case to a known problem and lists rising complaints", async () => {
    const problem = await api.call(ws, "POST", "/api/known-problems", { title: "Password reset loop", description: "Reset links expire at once.", fix_status: "investigating" });
    expect(problem.statusCode).toBe(201);
    const id = problem.json<{ id: string }>().id;
    expect((await put(receiver, `/api/cases/${caseId}/known-problem`, { known_problem_id: id })).statusCode).toBe(204);
    expect((await api.call(receiver, "GET", `/api/known-problems/${id}`)).json()).toMatchObject({ case_count: 1 });
    const rising = await api.call(receiver, "GET", "/api/analytics/cases/rising?as_of=2026-01-12");
    expect(rising.json()).toMatchObject({ week_start: "2026-01-12", history_weeks: 8, items: [] });
  });
});
