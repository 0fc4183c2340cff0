import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { createSurvey } from "./create-survey.ts";
import type { MailMessage } from "./mailer.ts";
import { openSurveyLink } from "./open-survey-link.ts";
import { sendSurvey, type SendSurveyDeps } from "./send-survey.ts";
import { submitSurveyAnswers } from "./submit-survey-answers.ts";

const secret = "test-secret-".padEnd(43, "x");
const ctx: RequestContext = { workspaceId: "ws_s", actorId: "tok_admin", role: "admin", purpose: null, requestId: "req_1" };
const t0 = new Date("2026-11-01T10:00:00Z");
const hoursLater = (h: number): Date => new Date(t0.getTime() + h * 3_600_000);

describe.each(testEngines())("survey delivery on %s", (engine) => {
  let database: Database;
  let repositories: Repositories;
  const sent: MailMessage[] = [];
  let deps: SendSurveyDeps;
  let surveyId = "";

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    repositories = createRepositories(database);
    await database.db.insertInto("workspaces").values({ id: "ws_s", name: "Acme", slug: "acme", settings: "{}" }).execute();
    await database.db
      .insertInto("customers")
      .values([
        { workspace_id: "ws_s", id: "cus_ja", kind: "person", name: "Aiko", email: "aiko@example.jp", locale: "ja-JP", owner_user_id: "usr_owner" },
        { workspace_id: "ws_s", id: "cus_en", kind: "person", name: "Bob", email: "bob@example.com", locale: null },
        { workspace_id: "ws_s", id: "cus_noemail", kind: "person", name: "Cy", email: null, locale: "ru" },
        { workspace_id: "ws_s", id: "cus_optout", kind: "person", name: "Di", email: "di@example.com", locale: "zh" },
      ])
      .execute();
    await database.db
      .insertInto("consent_records")
      .values({ workspace_id: "ws_s", id: "cns_1", customer_id: "cus_optout", purpose: "service", status: "withdrawn", source: "test", actor_id: "tok_admin" })
      .execute();
    deps = { repositories, mailer: { send: async (m) => void sent.push(m) }, links: { secret, baseUrl: "https://t.example/" }, frequencyDays: 30 };
    surveyId = (await createSurvey(ctx, { repositories }, { name: "After support", kind: "ces" }, t0)).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("emails a signed link in the customer's language and shows the survey once", async () => {
    const result = await sendSurvey(ctx, deps, { surveyId, customerId: "cus_ja", channel: "email" }, t0);
    if (result.status !== "sent") throw new Error(`not sent: ${JSON.stringify(result)}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "aiko@example.jp", subject: "ご意見をお聞かせください" });
    expect(sent[0]?.text).toContain("Acmeより");
    expect(sent[0]?.text).toContain(result.url);
    const token = result.url.replace("https://t.example/s/", "");
    const open = await openSurveyLink({ repositories, secret }, token, hoursLater(1));
    expect(open).toMatchObject({ status: "open", locale: "ja", company: "Acme", survey: { id: surveyId, kind: "ces" } });

    const bad = await submitSurveyAnswers({ repositories, secret }, token, { ces: "9", csat: "3" }, hoursLater(2));
    expect(bad.status === "invalid_answers" ? bad.problems.map((p) => p.message) : bad.status).toEqual(["ces: 9 is out of range 1–7"]);
    const recorded = await submitSurveyAnswers({ repositories, secret }, token, { ces: "2", csat: "1", comment: "遅い" }, hoursLater(2));
    expect(recorded).toMatchObject({ status: "recorded", locale: "ja" });
    // closed loop: CSAT 1 (and CES 2) opens one task for the owner, due in 48 hours
    const tasks = await database.db.selectFrom("follow_up_tasks").select(["id", "customer_id", "owner_user_id", "reason", "status", "due_at"]).execute();
    expect(tasks).toEqual([
      { id: recorded.status === "recorded" ? recorded.followUpId : "", customer_id: "cus_ja", owner_user_id: "usr_owner", reason: "low_csat", status: "open", due_at: hoursLater(50) },
    ]);
    // a second post of the same form: nothing more stored, the customer sees "already answered"
    expect(await submitSurveyAnswers({ repositories, secret }, token, { ces: "7" }, hoursLater(3))).toEqual({ status: "used", locale: "ja" });
    const rows = await database.db.selectFrom("survey_responses").select(["customer_id", "ces", "csat", "comment", "source"]).execute();
    expect(rows).toEqual([{ customer_id: "cus_ja", ces: 2, csat: 1, comment: "遅い", source: "link" }]);
  });

  it("holds the frequency cap, consent and a missing address, storing no invitation", async () => {
    expect(await sendSurvey(ctx, deps, { surveyId, customerId: "cus_ja", channel: "email" }, hoursLater(24 * 29))).toEqual({
      status: "skipped",
      reason: "frequency_cap",
      nextAllowedAt: new Date(t0.getTime() + 30 * 86_400_000),
    });
    expect(await sendSurvey(ctx, deps, { surveyId, customerId: "cus_optout", channel: "email" }, t0)).toEqual({ status: "skipped", reason: "no_consent", detail: "consent_withdrawn" });
    expect(await sendSurvey(ctx, deps, { surveyId, customerId: "cus_noemail", channel: "email" }, t0)).toEqual({ status: "skipped", reason: "no_email" });
    const after = await sendSurvey(ctx, deps, { surveyId, customerId: "cus_ja", channel: "in_app" }, hoursLater(24 * 30));
    expect(after.status).toBe("sent");
    const invitations = await database.db.selectFrom("survey_invitations").select("customer_id").orderBy("sent_at").execute();
    expect(invitations.map((i) => i.customer_id)).toEqual(["cus_ja", "cus_ja"]);
    expect(sent).toHaveLength(1);
  });

  it("rolls the invitation back when the mail server refuses, and refuses an unknown survey", async () => {
    const failing: SendSurveyDeps = { ...deps, mailer: { send: async () => Promise.reject(new Error("550 mailbox unavailable")) } };
    await expect(sendSurvey(ctx, failing, { surveyId, customerId: "cus_en", channel: "email" }, t0)).rejects.toThrow("550");
    expect(await repositories.surveys.lastInvitationAt("ws_s", "cus_en")).toBeNull();
    await expect(sendSurvey(ctx, deps, { surveyId: "srv_nope", customerId: "cus_en", channel: "email" }, t0)).rejects.toMatchObject({ code: "survey_not_found" });
  });

  it("tells expired and forged links apart, and keeps the language of an expired one", async () => {
    const result = await sendSurvey(ctx, deps, { surveyId, customerId: "cus_en", channel: "in_app" }, t0);
    if (result.status !== "sent") throw new Error("not sent");
    const token = result.url.split("/s/")[1] ?? "";
    expect(await openSurveyLink({ repositories, secret }, token, hoursLater(24 * 15))).toEqual({ status: "expired", locale: "en" });
    expect(await openSurveyLink({ repositories, secret: "another-secret".padEnd(43, "y") }, token, t0)).toEqual({ status: "invalid" });
    expect(await submitSurveyAnswers({ repositories, secret }, `${token}x`, { ces: "5" }, t0)).toEqual({ status: "invalid" });
  });
});
