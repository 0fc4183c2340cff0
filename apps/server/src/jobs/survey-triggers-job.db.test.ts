import PgBoss from "pg-boss";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { putSurveyTriggerSettings } from "@tenure/app";
import { jobQueueSql, testEngines } from "@tenure/storage";
import { openTestApi, type TestApi } from "../testing/open-test-api.ts";
import { startSurveyTriggersJob } from "./survey-triggers-job.ts";

describe.each(testEngines())("survey-triggers job on %s", (engine) => {
  let api: TestApi;
  let boss: PgBoss;
  const errors: string[] = [];

  beforeAll(async () => {
    api = await openTestApi(engine);
    boss = new PgBoss({ db: jobQueueSql(api.database), schedule: false, supervise: true });
    await boss.start();
    const satisfaction = { secret: "job-secret".padEnd(43, "j"), mailer: { send: async () => undefined }, baseUrl: "https://t.example", frequencyDays: 30 };
    await startSurveyTriggersJob(boss, { repositories: api.repositories, satisfaction, pollingIntervalSeconds: 0.5 }, (message) => errors.push(message));
  });
  afterAll(async () => {
    await boss?.stop({ graceful: true, wait: true });
    await api?.close();
  });

  it("is scheduled every 5 minutes and, queued for a workspace after a resolution, surveys the case's customer once", async () => {
    expect((await boss.getSchedules()).map((s) => [s.name, s.cron])).toEqual([["survey-triggers", "*/5 * * * *"]]);
    const ws = await api.createWorkspace();
    await putSurveyTriggerSettings(ws.ctx, api, { enabled: true, channel: "in_app", relationshipDays: 90, onboardingDays: 30, exitPAlive: 0.3 });
    const customer = await api.createCustomer(ws, { kind: "person", name: "Carla" });
    await sql`insert into cases (workspace_id, id, customer_id, subject, status, opened_at, resolved_at)
      values (${ws.id}, 'case_job', ${customer.id}, 'Refund', 'resolved', now() - interval '2 hours', now() - interval '1 minute')`.execute(api.database.db);

    await boss.send("survey-triggers", { workspaceId: ws.id });
    await boss.send("survey-triggers", { workspaceId: ws.id });
    let runs: { trigger_key: string; outcome: string }[] = [];
    for (let waited = 0; runs.length === 0 && waited < 60_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      runs = (await sql<{ trigger_key: string; outcome: string }>`select trigger_key, outcome from survey_trigger_runs where workspace_id = ${ws.id}`.execute(api.database.db)).rows;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const invitations = await sql<{ trigger_kind: string; case_id: string }>`select trigger_kind, case_id from survey_invitations where workspace_id = ${ws.id}`.execute(api.database.db);
    expect(runs).toEqual([{ trigger_key: "case_resolved:case_job", outcome: "sent" }]);
    expect(invitations.rows).toEqual([{ trigger_kind: "case_resolved", case_id: "case_job" }]);
    expect(errors).toEqual([]);
  });
});
