import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitSurveyAnswers } from "@tenure/app";
import type { CustomerProfileJson, FeedbackItemJson, FeedbackThemesJson, FollowUpJson, Problem, SendSurveyResultJson } from "@tenure/api-schemas";
import type { Repositories } from "@tenure/domain";
import { testEngines, type Database } from "@tenure/storage";
import type { ApiServer } from "../../http/api-server.ts";
import { openSatisfactionTestApp } from "../surveys/satisfaction-test-app.ts";

const week = 7 * 86_400_000;

describe.each(testEngines())("feedback, follow-up and customer satisfaction API on %s", (engine) => {
  let database: Database;
  let repositories: Repositories;
  let app: ApiServer;
  let token = "";
  const secret = "api-secret".padEnd(43, "f");

  const call = (method: "GET" | "POST" | "PUT" | "PATCH", url: string, body?: unknown, contentType = "application/json") =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": contentType }) },
      ...(body === undefined ? {} : { payload: typeof body === "string" ? body : JSON.stringify(body) }),
    });

  beforeAll(async () => {
    ({ database, repositories, app, token } = await openSatisfactionTestApp(engine, "ws_f", secret));
    await database.db.insertInto("customers").values({ workspace_id: "ws_f", id: "cus_1", kind: "person", name: "Ann", email: "ann@example.com", locale: "ru" }).execute();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("records feedback with themes and sentiment, once per external id, and refuses bad fields by name", async () => {
    const body = { source: "complaint", text: "Доставку ждали две недели, очень плохо", language: "ru-RU", customer_id: "cus_1", external_id: "zendesk-1" };
    const first = await call("POST", "/api/feedback", body);
    expect(first.statusCode).toBe(201);
    expect(first.json<FeedbackItemJson>()).toMatchObject({ created: true, language: "ru", themes: ["delivery"], customer_id: "cus_1" });
    expect(first.json<FeedbackItemJson>().sentiment).toBeLessThan(0);
    const again = await call("POST", "/api/feedback", body);
    expect(again.statusCode).toBe(200);
    expect(again.json<FeedbackItemJson>()).toMatchObject({ created: false, id: null });
    const bad = await call("POST", "/api/feedback", { ...body, language: "fr", external_id: "x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>()).toMatchObject({ field: "language" });
    expect((await call("POST", "/api/feedback", { ...body, customer_id: "cus_nope", external_id: "y" })).statusCode).toBe(404);
  });

  it("imports feedback CSV all or nothing, naming line and column", async () => {
    const bad = await call("POST", "/api/feedback/import", "source,text,language\ncomplaint,Late parcel,en\ntweet,Great app,en\nsocial,,ja\n", "text/csv");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ problems: { line: number; field: string }[] }>().problems.map((p) => [p.line, p.field])).toEqual([
      [3, "source"],
      [4, "text"],
    ]);
    const now = Date.now();
    const lines = ["source,text,language,occurred_at,external_id"];
    // ten quiet weeks of billing complaints, then a burst last week
    for (let w = 2; w <= 10; w++) lines.push(`complaint,Wrong invoice again,en,${new Date(now - w * week).toISOString()},b${w}`);
    for (let i = 0; i < 8; i++) lines.push(`social,"配送が遅い、まだ届かない",ja,${new Date(now - week).toISOString()},d${i}`);
    const ok = await call("POST", "/api/feedback/import", `${lines.join("\n")}\n`, "text/csv");
    expect(ok.json()).toEqual({ imported: 17, duplicates: 0, problems: [] });
    expect((await call("POST", "/api/feedback/import", `${lines.join("\n")}\n`, "text/csv")).json()).toEqual({ imported: 0, duplicates: 17, problems: [] });

    const view = await call("GET", "/api/analytics/feedback/themes?weeks=12");
    expect(view.statusCode).toBe(200);
    const themes = view.json<FeedbackThemesJson>();
    expect(themes.weeks).toHaveLength(12);
    const byName = Object.fromEntries(themes.themes.map((t) => [t.theme, t]));
    expect(byName["delivery"]).toMatchObject({ rising: true });
    expect(byName["billing"]).toMatchObject({ rising: false });
    expect((await call("GET", "/api/analytics/feedback/themes?weeks=1")).statusCode).toBe(400);
  });

  it("reads and replaces a language's theme dictionary, which then tags new feedback", async () => {
    expect((await call("GET", "/api/feedback/dictionaries/ja")).json()).toMatchObject({ language: "ja", custom: false });
    expect((await call("PUT", "/api/feedback/dictionaries/en", { themes: { "Bad Theme": ["x"] } })).json<Problem>()).toMatchObject({ field: "themes.Bad Theme" });
    expect((await call("PUT", "/api/feedback/dictionaries/xx", { themes: { a: ["x"] } })).statusCode).toBe(400);
    const put = await call("PUT", "/api/feedback/dictionaries/en", { themes: { packaging: ["box*", "wrapping"] } });
    expect(put.json()).toEqual({ language: "en", custom: true, themes: { packaging: ["box*", "wrapping"] } });
    const tagged = await call("POST", "/api/feedback", { source: "other", text: "The boxes were crushed", language: "en" });
    expect(tagged.json<FeedbackItemJson>().themes).toEqual(["packaging"]);
  });

  it("patches a follow-up and shows the customer's satisfaction on the customer page", async () => {
    const survey = (await call("POST", "/api/surveys", { name: "CES", kind: "ces" })).json<{ id: string }>();
    const sent = (await call("POST", `/api/surveys/${survey.id}/send`, { customer_id: "cus_1", channel: "in_app" })).json<SendSurveyResultJson>();
    if (sent.status !== "sent") throw new Error("not sent");
    await submitSurveyAnswers({ repositories, secret }, (sent.url ?? "").split("/s/")[1] ?? "", { ces: "2", csat: "4", comment: "Слишком долго ждать ответа" });
    const [task] = (await call("GET", "/api/follow-ups")).json<{ items: FollowUpJson[] }>().items;
    if (task === undefined) throw new Error("no follow-up");
    const profile = (await call("GET", "/api/customers/cus_1")).json<CustomerProfileJson>();
    expect(profile.satisfaction).toMatchObject({ nps: null, csat: { value: 4 }, ces: { value: 2 }, csi: null, open_follow_ups: 1 });

    const missingOutcome = await call("PATCH", `/api/follow-ups/${task.id}`, { status: "done" });
    expect([missingOutcome.statusCode, missingOutcome.json<Problem>().field]).toEqual([400, "outcome"]);
    const done = await call("PATCH", `/api/follow-ups/${task.id}`, { status: "done", outcome: "Apologised; escalated" });
    expect(done.json()).toMatchObject({ status: "done", outcome: "Apologised; escalated", overdue: false });
    expect((await call("PATCH", `/api/follow-ups/${task.id}`, { status: "in_progress" })).statusCode).toBe(409);
    expect((await call("PATCH", "/api/follow-ups/fup_nope", { status: "done", outcome: "x" })).statusCode).toBe(404);
    expect((await call("GET", "/api/customers/cus_1")).json<CustomerProfileJson>().satisfaction.open_follow_ups).toBe(0);
    const resurvey = await call("POST", `/api/surveys/${survey.id}/send`, { customer_id: "cus_1", channel: "in_app", follow_up_id: task.id });
    expect(resurvey.json<SendSurveyResultJson>().status).toBe("sent");
  });

  it("reads and sets the automatic survey triggers", async () => {
    expect((await call("GET", "/api/surveys/triggers")).json()).toEqual({ enabled: false, channel: "email", relationship_days: 90, onboarding_days: 30, exit_p_alive: 0.3 });
    const settings = { enabled: true, channel: "in_app", relationship_days: 180, onboarding_days: 14, exit_p_alive: 0.2 };
    expect((await call("PUT", "/api/surveys/triggers", settings)).json()).toEqual(settings);
    expect((await call("PUT", "/api/surveys/triggers", { ...settings, relationship_days: 1 })).statusCode).toBe(400);
  });
});
