import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitSurveyAnswers } from "@tenure/app";
import type { AnswerImportResultJson, FollowUpJson, Problem, SatisfactionJson, SendSurveyResultJson, SurveyJson } from "@tenure/api-schemas";
import { testEngines, type Database } from "@tenure/storage";
import type { Repositories } from "@tenure/domain";
import type { ApiServer } from "../../http/api-server.ts";
import { openSatisfactionTestApp } from "./satisfaction-test-app.ts";

describe.each(testEngines())("survey and satisfaction API on %s", (engine) => {
  let database: Database;
  let app: ApiServer;
  let token = "";
  let npsSurvey: SurveyJson;
  let repositories: Repositories;
  const secret = "api-secret".padEnd(43, "q");

  const call = (method: "GET" | "POST", url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    ({ database, repositories, app, token } = await openSatisfactionTestApp(engine, "ws_a", secret));
    await database.db
      .insertInto("customers")
      .values([
        { workspace_id: "ws_a", id: "cus_de", kind: "organization", name: "DE GmbH", email: "de@example.de", country: "DE", owner_user_id: "usr_owner" },
        { workspace_id: "ws_a", id: "cus_fr", kind: "organization", name: "FR SA", email: "fr@example.fr", country: "FR" },
      ])
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("creates and lists surveys with their standard questions", async () => {
    const created = await call("POST", "/api/surveys", { name: "Relationship NPS", kind: "nps" });
    expect(created.statusCode).toBe(201);
    npsSurvey = created.json<SurveyJson>();
    expect(npsSurvey).toMatchObject({ kind: "nps", purpose: "service", questions: [{ id: "nps", type: "nps", required: true }, { id: "comment", type: "text" }] });
    const bad = await call("POST", "/api/surveys", { name: "x", kind: "loyalty" });
    expect(bad.statusCode).toBe(400);
    const list = await call("GET", "/api/surveys");
    expect(list.json<{ items: SurveyJson[] }>().items.map((s) => s.id)).toEqual([npsSurvey.id]);
    expect((await app.inject({ method: "GET", url: "/api/surveys" })).statusCode).toBe(401);
  });

  it("sends a survey once, then answers skipped under the frequency cap", async () => {
    const first = await call("POST", `/api/surveys/${npsSurvey.id}/send`, { customer_id: "cus_fr", channel: "in_app" });
    expect(first.statusCode).toBe(200);
    const sent = first.json<SendSurveyResultJson>();
    expect(sent).toMatchObject({ status: "sent" });
    expect(sent.url).toMatch(/^https:\/\/t\.example\/s\/[\w-]+\.[\w-]+$/);
    const second = await call("POST", `/api/surveys/${npsSurvey.id}/send`, { customer_id: "cus_fr" });
    expect(second.json<SendSurveyResultJson>()).toMatchObject({ status: "skipped", reason: "frequency_cap" });
    const missing = await call("POST", `/api/surveys/srv_missing/send`, { customer_id: "cus_de" });
    expect([missing.statusCode, missing.json<Problem>().code]).toEqual([404, "survey_not_found"]);
  });

  it("computes NPS, CSAT, CES, CSI and response rate with a monthly series and segments", async () => {
    // October: NPS 10, 9, 3 (+33.3); November: 8, 0 (−50); in all 2 promoters, 1 passive, 2 detractors → NPS 0
    const rows: [string, string, number | null, number | null, number | null, [number, number, number] | null][] = [
      ["cus_de", "2025-10-03T10:00:00Z", 10, 5, 7, [7, 8, 6]],
      ["cus_de", "2025-10-20T10:00:00Z", 9, 4, 5, [7, 8, 6]],
      ["cus_fr", "2025-10-31T23:59:59Z", 3, 2, null, null],
      ["cus_fr", "2025-11-02T00:00:00Z", 8, 1, 2, null],
      ["cus_de", "2025-11-15T00:00:00Z", 0, null, null, null],
    ];
    await database.db
      .insertInto("survey_responses")
      .values(
        rows.map(([customer, at, nps, csat, ces, acsi], i) => ({
          workspace_id: "ws_a",
          id: `sres_${i}`,
          survey_id: npsSurvey.id,
          customer_id: customer,
          source: "import",
          responded_at: new Date(at),
          nps,
          csat,
          ces,
          acsi_overall: acsi?.[0] ?? null,
          acsi_expectations: acsi?.[1] ?? null,
          acsi_ideal: acsi?.[2] ?? null,
          answers: "{}",
        })),
      )
      .execute();
    const res = await call("GET", "/api/analytics/satisfaction?from=2025-10-01&to=2025-11-30");
    expect(res.statusCode).toBe(200);
    const s = res.json<SatisfactionJson>();
    expect(s.responses).toBe(5);
    expect(s.nps).toMatchObject({ value: 0, promoters: 2, passives: 1, detractors: 2 });
    // variance of the ±1 scores = .4 + .4 − 0 = .8; MoE = 1.96 · 100 · √(.8/5) = 78.4
    expect(s.nps.margin_of_error).toBeCloseTo(78.4, 1);
    expect(s.csat).toEqual({ value: 50, responses: 4 });
    expect(s.ces.value).toBeCloseTo(14 / 3, 10);
    expect(s.csi).toMatchObject({ responses: 2, weighting: "equal" });
    expect(s.csi.value).toBeCloseTo(66.667, 3);
    expect(s.series.map((m) => [m.month, m.responses, m.nps === null ? null : Math.round(m.nps * 10) / 10])).toEqual([
      ["2025-10", 3, 33.3],
      ["2025-11", 2, -50],
    ]);
    // the invitation sent (today) is outside the period: no response rate without invitations
    expect([s.invitations_sent, s.response_rate]).toEqual([0, null]);
    const now = (await call("GET", "/api/analytics/satisfaction?from=2026-01-01&to=2099-12-31")).json<SatisfactionJson>();
    expect([now.responses, now.invitations_sent, now.response_rate]).toEqual([0, 1, 0]);

    const de = (await call("GET", "/api/analytics/satisfaction?from=2025-10-01&to=2025-11-30&segment=country:DE")).json<SatisfactionJson>();
    // DE answered 10, 9 and 0: NPS (2 − 1) / 3
    expect([de.responses, de.segment]).toEqual([3, "country:DE"]);
    expect(de.nps.value).toBeCloseTo(33.333, 3);
  });

  it("names the field of a bad query", async () => {
    const bad = await call("GET", "/api/analytics/satisfaction?from=2025-10-01&to=2025-11-30&segment=colour:red");
    expect([bad.statusCode, bad.json<Problem>().code]).toEqual([400, "invalid_segment"]);
    expect(bad.json<Problem>().detail).toContain("segment: expected field:value");
    const defaults = (await call("GET", "/api/analytics/satisfaction?to=2025-11-30")).json<SatisfactionJson>();
    expect([defaults.from, defaults.to, defaults.responses]).toEqual(["2024-12-01", "2025-11-30", 5]);
    const backwards = await call("GET", "/api/analytics/satisfaction?from=2026-12-01&to=2025-11-30");
    expect(backwards.statusCode).toBe(400);
  });

  it("lists follow-ups of unhappy answers, and only the overdue ones when asked", async () => {
    const send = async (customer_id: string) => (await call("POST", `/api/surveys/${npsSurvey.id}/send`, { customer_id, channel: "in_app" })).json<SendSurveyResultJson>();
    const sent = await send("cus_de");
    const token = (sent.url ?? "").split("/s/")[1] ?? "";
    // answered three days ago as a detractor: the 48-hour task is a day overdue
    const answered = await submitSurveyAnswers({ repositories, secret }, token, { nps: "2", comment: "too slow" }, new Date(Date.now() - 72 * 3_600_000));
    expect(answered.status).toBe("recorded");
    const all = (await call("GET", "/api/follow-ups")).json<{ items: FollowUpJson[] }>().items;
    expect(all.map((t) => [t.customer_id, t.owner_user_id, t.reason, t.status, t.overdue])).toEqual([["cus_de", "usr_owner", "detractor", "open", true]]);
    expect((await call("GET", "/api/follow-ups?overdue=true")).json<{ items: FollowUpJson[] }>().items).toHaveLength(1);
    await database.db.updateTable("follow_up_tasks").set({ due_at: new Date(Date.now() + 3_600_000) }).execute();
    expect((await call("GET", "/api/follow-ups?overdue=true")).json<{ items: FollowUpJson[] }>().items).toEqual([]);
    expect((await call("GET", "/api/follow-ups")).json<{ items: FollowUpJson[] }>().items).toHaveLength(1);
  });

  it("imports answers by CSV once, and refuses a file with bad lines storing nothing", async () => {
    const importCsv = (csv: string) =>
      app.inject({ method: "POST", url: `/api/surveys/${npsSurvey.id}/answers/import`, headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, payload: csv });
    const csv = 'external_id,customer_id,responded_at,nps,comment\na1,cus_de,2025-09-01T10:00:00Z,10,great\na2,,2025-09-02T10:00:00Z,3,"slow, late"\n';
    const first = await importCsv(csv);
    expect([first.statusCode, first.json<AnswerImportResultJson>()]).toEqual([200, { imported: 2, duplicates: 0, problems: [] }]);
    expect((await importCsv(csv)).json<AnswerImportResultJson>()).toEqual({ imported: 0, duplicates: 2, problems: [] });
    const stored = await database.db.selectFrom("survey_responses").select(["external_id", "customer_id", "nps", "comment", "source"]).where("source", "=", "import").where("external_id", "in", ["a1", "a2"]).orderBy("external_id").execute();
    expect(stored).toEqual([
      { external_id: "a1", customer_id: "cus_de", nps: 10, comment: "great", source: "import" },
      { external_id: "a2", customer_id: null, nps: 3, comment: "slow, late", source: "import" },
    ]);
    const bad = await importCsv("external_id,customer_id,responded_at,nps\nb1,cus_de,2025-09-03T10:00:00Z,11\nb2,cus_nope,2025-09-03T10:00:00Z,5\nb3,,yesterday,5\nb4,,2025-09-03T10:00:00Z,7\n");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<AnswerImportResultJson>().problems).toEqual([
      { line: 2, field: "nps", message: "line 2: nps: 11 is out of range 0–10" },
      { line: 3, field: "customer_id", message: "line 3: no customer cus_nope in this workspace" },
      { line: 4, field: "responded_at", message: 'line 4: responded_at must be an ISO 8601 date-time, got "yesterday"' },
    ]);
    const b4 = await database.db.selectFrom("survey_responses").select("id").where("external_id", "=", "b4").execute();
    expect(b4).toEqual([]);
  });
});
