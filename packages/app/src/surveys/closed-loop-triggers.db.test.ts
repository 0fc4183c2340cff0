import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { getCustomerProfile } from "../customers/get-customer-profile.ts";
import { createSurvey } from "./create-survey.ts";
import { runSurveyTriggers } from "./run-survey-triggers.ts";
import { sendSurvey, type SendSurveyDeps } from "./send-survey.ts";
import { submitSurveyAnswers } from "./submit-survey-answers.ts";
import { updateFollowUp } from "./update-follow-up.ts";

const secret = "test-secret-".padEnd(43, "x");
const ctx: RequestContext = { workspaceId: "ws_l", actorId: "tok_admin", role: "admin", purpose: null, requestId: "req_1" };
const rep = (userId: string): RequestContext => ({ ...ctx, actorId: userId, role: "rep" });
const t0 = new Date("2026-11-02T10:00:00Z");
const daysLater = (d: number): Date => new Date(t0.getTime() + d * 86_400_000);

describe.each(testEngines())("closed loop, customer satisfaction and triggers on %s", (engine) => {
  let database: Database;
  let repositories: Repositories;
  let deps: SendSurveyDeps;
  let npsSurvey = "";

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    repositories = createRepositories(database);
    await database.db.insertInto("workspaces").values({ id: "ws_l", name: "Acme", slug: "acme", settings: "{}" }).execute();
    const old = daysLater(-400);
    await database.db
      .insertInto("customers")
      .values([
        { workspace_id: "ws_l", id: "cus_1", kind: "person", name: "Ann", email: "ann@example.com", locale: "en", owner_user_id: "usr_rep", first_seen_at: old },
        { workspace_id: "ws_l", id: "cus_case", kind: "person", name: "Cas", email: "cas@example.com", locale: "ru", first_seen_at: old },
        { workspace_id: "ws_l", id: "cus_new", kind: "person", name: "Neo", email: "neo@example.com", locale: "ja", first_seen_at: daysLater(-35) },
        { workspace_id: "ws_l", id: "cus_gone", kind: "person", name: "Gus", email: "gus@example.com", locale: "zh", first_seen_at: old },
        { workspace_id: "ws_l", id: "cus_optout", kind: "person", name: "Opt", email: "opt@example.com", locale: "en", first_seen_at: old },
      ])
      .execute();
    await database.db
      .insertInto("consent_records")
      .values({ workspace_id: "ws_l", id: "cns_1", customer_id: "cus_optout", purpose: "service", status: "withdrawn", source: "test", actor_id: "tok_admin" })
      .execute();
    deps = { repositories, mailer: { send: async () => undefined }, links: { secret, baseUrl: "https://t.example" }, frequencyDays: 30 };
    npsSurvey = (await createSurvey(ctx, { repositories }, { name: "NPS", kind: "nps" }, t0)).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("turns a detractor's answer into a follow-up, a feedback item and the customer's summary", async () => {
    const sent = await sendSurvey(ctx, deps, { surveyId: npsSurvey, customerId: "cus_1", channel: "in_app" }, t0);
    if (sent.status !== "sent") throw new Error(JSON.stringify(sent));
    const recorded = await submitSurveyAnswers({ repositories, secret }, sent.url.split("/s/")[1] ?? "", { nps: "3", comment: "The delivery was late and support was rude" }, daysLater(1));
    if (recorded.status !== "recorded" || recorded.followUpId === null) throw new Error(JSON.stringify(recorded));
    const items = await sql<{ source: string; external_id: string; themes: string[]; sentiment: number }>`select source, external_id, themes, sentiment from feedback_items`.execute(database.db);
    expect(items.rows).toMatchObject([{ source: "survey", external_id: recorded.responseId, themes: ["delivery", "support"] }]);
    expect(items.rows[0]?.sentiment).toBeLessThan(0);
    expect((await getCustomerProfile(ctx, { repositories }, { id: "cus_1" })).satisfaction).toEqual({
      nps: { value: 3, at: daysLater(1) },
      csat: null,
      ces: null,
      csi: null,
      csiResponses: 0,
      openFollowUps: 1,
    });
  });

  it("moves a follow-up open → in_progress → done with an outcome, for the owner only, then allows one re-survey inside the cap", async () => {
    const [task] = await repositories.surveys.listOpenFollowUps("ws_l", { now: daysLater(5), overdue: true, ownerUserId: null, limit: 10 });
    if (task === undefined) throw new Error("no overdue task");
    await expect(updateFollowUp(rep("usr_other"), { repositories }, { id: task.id, status: "in_progress" })).rejects.toMatchObject({ code: "follow_up_not_found" });
    await expect(sendSurvey(ctx, deps, { surveyId: npsSurvey, customerId: "cus_1", channel: "in_app", followUpId: task.id }, daysLater(2))).rejects.toMatchObject({ code: "follow_up_not_done" });
    expect(await updateFollowUp(rep("usr_rep"), { repositories }, { id: task.id, status: "in_progress" }, daysLater(2))).toMatchObject({ status: "in_progress", closedAt: null });
    await expect(updateFollowUp(ctx, { repositories }, { id: task.id, status: "done" })).rejects.toMatchObject({ code: "invalid_follow_up", details: { field: "outcome" } });
    await expect(updateFollowUp(ctx, { repositories }, { id: task.id, status: "open" })).rejects.toMatchObject({ code: "follow_up_transition" });
    expect(await updateFollowUp(ctx, { repositories }, { id: task.id, status: "done", outcome: "Called; refunded the shipping" }, daysLater(3))).toMatchObject({ status: "done", closedAt: daysLater(3) });
    await expect(updateFollowUp(ctx, { repositories }, { id: task.id, status: "cancelled" })).rejects.toMatchObject({ code: "follow_up_transition" });
    expect((await getCustomerProfile(ctx, { repositories }, { id: "cus_1" })).satisfaction.openFollowUps).toBe(0);

    // within the 30-day cap: a plain send is skipped, the follow-up re-survey goes out once
    expect((await sendSurvey(ctx, deps, { surveyId: npsSurvey, customerId: "cus_1", channel: "in_app" }, daysLater(4))).status).toBe("skipped");
    expect((await sendSurvey(ctx, deps, { surveyId: npsSurvey, customerId: "cus_1", channel: "in_app", followUpId: task.id }, daysLater(4))).status).toBe("sent");
    await expect(sendSurvey(ctx, deps, { surveyId: npsSurvey, customerId: "cus_1", channel: "in_app", followUpId: task.id }, daysLater(5))).rejects.toMatchObject({ code: "resurvey_already_sent" });
  });

  it("fires each trigger once, honours the cap and consent, and does nothing while off", async () => {
    const now = daysLater(10);
    await sql`insert into cases (workspace_id, id, customer_id, subject, status, opened_at, resolved_at)
      values ('ws_l', 'case_1', 'cus_case', 'Broken parcel', 'resolved', ${daysLater(8)}, ${daysLater(9)}),
             ('ws_l', 'case_2', 'cus_case', 'Still open', 'open', ${daysLater(8)}, null)`.execute(database.db);
    await sql`insert into events (workspace_id, id, customer_id, type, occurred_at, source) values ('ws_l', 'evt_1', 'cus_new', 'Onboarding Completed', ${daysLater(9)}, 'test')`.execute(database.db);
    await sql`insert into customer_scores (workspace_id, customer_id, fit_id, frequency, recency, age, p_alive, expected_purchases_90, expected_purchases_365)
      values ('ws_l', 'cus_gone', 'fit_1', 2, 10, 300, 0.05, 0, 0)`.execute(database.db);

    const sweepDeps = { ...deps, frequencyDays: 30 };
    expect(await runSurveyTriggers(ctx, sweepDeps, { now })).toMatchObject({ enabled: false, sent: 0 });
    await repositories.surveys.saveTriggerSettings("ws_l", { enabled: true, channel: "in_app", relationshipDays: 90, onboardingDays: 30, exitPAlive: 0.3 }, now);
    const first = await runSurveyTriggers(ctx, sweepDeps, { now });
    expect(first.byKind.case_resolved).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(first.byKind.onboarding).toEqual({ sent: 1, skipped: 0, failed: 0 });
    // cus_gone gets its relationship NPS first; the exit survey then meets the cap and is recorded as skipped
    expect(first.byKind.exit.skipped + first.byKind.exit.sent).toBe(1);
    const runs = await sql<{ trigger_key: string; outcome: string; reason: string | null }>`select trigger_key, outcome, reason from survey_trigger_runs order by trigger_key`.execute(database.db);
    const byKey = Object.fromEntries(runs.rows.map((r) => [r.trigger_key.replace(/:\d+$/, ""), [r.outcome, r.reason]]));
    expect(byKey).toMatchObject({
      "case_resolved:case_1": ["sent", null],
      "onboarding:cus_new": ["sent", null],
      "relationship:cus_1": ["skipped", "frequency_cap"],
      "relationship:cus_optout": ["skipped", "no_consent"],
      "relationship:cus_gone": ["sent", null],
      "exit:cus_gone": ["skipped", "frequency_cap"],
    });
    const invitation = await sql<{ trigger_kind: string; case_id: string }>`select trigger_kind, case_id from survey_invitations where customer_id = 'cus_case'`.execute(database.db);
    expect(invitation.rows).toEqual([{ trigger_kind: "case_resolved", case_id: "case_1" }]);
    // a second sweep finds nothing new: never two invitations for one trigger
    const second = await runSurveyTriggers(ctx, sweepDeps, { now: new Date(now.getTime() + 300_000) });
    expect([second.sent, second.skipped, second.failed]).toEqual([0, 0, 0]);
  });
  it("tries a failed send again 15 minutes, 1 hour and 4 hours later, then gives up", async () => {
    await database.db
      .insertInto("customers")
      .values([
        { workspace_id: "ws_l", id: "cus_mail", kind: "person", name: "Mia", email: "mia@example.com", locale: "en", first_seen_at: daysLater(-10) },
      ])
      .execute();
    await sql`insert into cases (workspace_id, id, customer_id, subject, status, opened_at, resolved_at)
      values ('ws_l', 'case_mail', 'cus_mail', 'Refund', 'resolved', ${daysLater(19)}, ${daysLater(20)})`.execute(database.db);
    let mailUp = false;
    const mailDeps = { ...deps, mailer: { send: async () => { if (!mailUp) throw new Error("421 mail server unavailable"); } } };
    await repositories.surveys.saveTriggerSettings("ws_l", { enabled: true, channel: "email", relationshipDays: 90, onboardingDays: 30, exitPAlive: 0.3 }, daysLater(20));
    const at = (minutes: number) => new Date(daysLater(20).getTime() + minutes * 60_000);
    const run = async () =>
      (await sql<{ outcome: string; attempts: number; retry_at: Date | null }>`select outcome, attempts, retry_at from survey_trigger_runs where trigger_key = 'case_resolved:case_mail'`.execute(database.db)).rows[0];
    const caseSweep = async (minutes: number) => (await runSurveyTriggers(ctx, mailDeps, { now: at(minutes) })).byKind.case_resolved;

    expect(await caseSweep(0)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect(await run()).toEqual({ outcome: "failed", attempts: 1, retry_at: at(15) });
    expect(await caseSweep(10)).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(await caseSweep(15)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect(await run()).toEqual({ outcome: "failed", attempts: 2, retry_at: at(75) });
    expect(await caseSweep(75)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect(await run()).toEqual({ outcome: "failed", attempts: 3, retry_at: at(315) });
    mailUp = true;
    expect(await caseSweep(315)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(await run()).toEqual({ outcome: "sent", attempts: 4, retry_at: null });
    expect(await caseSweep(400)).toEqual({ sent: 0, skipped: 0, failed: 0 });

    // a trigger that fails four times is given up
    await database.db
      .insertInto("customers")
      .values({ workspace_id: "ws_l", id: "cus_down", kind: "person", name: "Dan", email: "dan@example.com", locale: "en", first_seen_at: daysLater(-10) })
      .execute();
    await sql`insert into cases (workspace_id, id, customer_id, subject, status, opened_at, resolved_at)
      values ('ws_l', 'case_down', 'cus_down', 'Refund again', 'resolved', ${daysLater(19)}, ${at(500)})`.execute(database.db);
    mailUp = false;
    const downRun = async () =>
      (await sql<{ attempts: number; retry_at: Date | null }>`select attempts, retry_at from survey_trigger_runs where trigger_key = 'case_resolved:case_down'`.execute(database.db)).rows[0];
    for (const minutes of [500, 515, 575, 815]) expect((await caseSweep(minutes)).failed).toBe(1);
    expect(await downRun()).toEqual({ attempts: 4, retry_at: null });
    expect(await caseSweep(5000)).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });
});
