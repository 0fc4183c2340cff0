import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { recordFeedback } from "../feedback/record-feedback.ts";
import { createSurvey } from "../surveys/create-survey.ts";
import { getSatisfaction } from "../surveys/get-satisfaction.ts";
import { sendSurvey } from "../surveys/send-survey.ts";
import { submitSurveyAnswers } from "../surveys/submit-survey-answers.ts";
import { updateFollowUp } from "../surveys/update-follow-up.ts";
import { eraseCustomer } from "./erase-customer.ts";
import { exportCustomerData } from "./export-customer-data.ts";

const ws = "ws_dsr_s";
const secret = "test-secret-".padEnd(43, "x");
const ctx: RequestContext = { workspaceId: ws, actorId: "usr_admin", role: "admin", purpose: "service", requestId: "req_s" };
const t0 = new Date("2026-04-01T10:00:00Z");
// Everything below is the customer's own words (or names her); none of it may survive the erasure.
const comment = "Nobody called me back, Yuki Tanabe, about my broken kettle";
const complaint = "Yuki here: third time the delivery came late";
const outcome = "Rang Yuki Tanabe, refunded the kettle";
const needles = ["Yuki", "Tanabe", "kettle", "third time"];

describe.each(testEngines())("erasing and exporting a customer's survey answers and feedback on %s", (engine) => {
  let database: Database;
  let repositories: Repositories;
  /** Every row of the satisfaction tables of the workspace, as JSON text. */
  const satisfactionTables = async () => {
    const dump = await Promise.all(
      ["survey_responses", "feedback_items", "follow_up_tasks", "survey_invitations"].map(async (t) =>
        (await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(t)} t where workspace_id = ${ws}`.execute(database.db)).rows.map((r) => r.row),
      ),
    );
    return dump.flat().join("\n");
  };
  const metrics = async () => getSatisfaction(ctx, { repositories }, { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-12-31T00:00:00Z"), segment: null });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    repositories = createRepositories(database);
    await database.db.insertInto("workspaces").values({ id: ws, name: "Acme", slug: "acme-dsr-s", settings: "{}" }).execute();
    await database.db
      .insertInto("customers")
      .values([
        { workspace_id: ws, id: "cus_yuki", kind: "person", name: "Yuki Tanabe", email: "yuki@example.jp", locale: "ja" },
        { workspace_id: ws, id: "cus_other", kind: "person", name: "Olga", email: "olga@example.com", locale: "ru" },
      ])
      .execute();
    const survey = await createSurvey(ctx, { repositories }, { name: "NPS", kind: "nps" }, t0);
    const deps = { repositories, mailer: { send: async () => undefined }, links: { secret, baseUrl: "https://t.example" }, frequencyDays: 30 };
    for (const [customerId, nps, text] of [["cus_yuki", "2", comment], ["cus_other", "3", "Слишком дорого"]] as const) {
      const sent = await sendSurvey(ctx, deps, { surveyId: survey.id, customerId, channel: "in_app" }, t0);
      if (sent.status !== "sent") throw new Error(JSON.stringify(sent));
      const answered = await submitSurveyAnswers({ repositories, secret }, sent.url.split("/s/")[1] ?? "", { nps, comment: text }, t0);
      if (answered.status !== "recorded" || answered.followUpId === null) throw new Error(JSON.stringify(answered));
      if (customerId === "cus_yuki") await updateFollowUp(ctx, { repositories }, { id: answered.followUpId, status: "done", outcome }, t0);
    }
    await recordFeedback(ctx, { repositories }, { source: "complaint", text: complaint, language: "en", customer_id: "cus_yuki", occurred_at: t0.toISOString() }, t0);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("exports the customer's invitations, answers, follow-ups, feedback and summary", async () => {
    const records = await exportCustomerData(ctx, { repositories }, { customerId: "cus_yuki" });
    const satisfaction = records.satisfaction as Record<string, Record<string, unknown>[]>;
    expect(satisfaction["invitations"]).toHaveLength(1);
    expect(satisfaction["responses"]).toMatchObject([{ nps: 2, comment }]);
    expect(satisfaction["follow_ups"]).toMatchObject([{ status: "done", outcome }]);
    expect(satisfaction["feedback"]?.map((f) => f["body"]).sort()).toEqual([comment, complaint].sort());
    expect(satisfaction["summary"]).toMatchObject({ nps: 2 });
    expect(JSON.stringify(records)).not.toContain("Слишком");
  });

  it("blanks the customer's words, keeps ratings, themes and the metrics, and leaves other customers alone", async () => {
    const before = await metrics();
    const themesBefore = (await sql<{ themes: string[]; sentiment: number }>`select themes, sentiment from feedback_items where customer_id = 'cus_yuki' order by id`.execute(database.db)).rows;
    const result = await eraseCustomer(ctx, { repositories }, { customerId: "cus_yuki", now: new Date(t0.getTime() + 86_400_000) });
    expect(result).toMatchObject({ surveyAnswersErased: 1, feedbackItemsErased: 2 });

    const dump = await satisfactionTables();
    for (const needle of needles) expect(dump, needle).not.toContain(needle);
    expect(dump).toContain("Слишком дорого");
    expect(await metrics()).toEqual(before);
    expect((await sql<{ themes: string[]; sentiment: number }>`select themes, sentiment from feedback_items where customer_id = 'cus_yuki' order by id`.execute(database.db)).rows).toEqual(themesBefore);
    const audit = await sql<{ details: Record<string, number> }>`select details from audit_log where workspace_id = ${ws} and action = 'customer.erase'`.execute(database.db);
    expect(audit.rows[0]?.details).toMatchObject({ survey_answers_erased: 1, feedback_items_erased: 2 });
  });
});
