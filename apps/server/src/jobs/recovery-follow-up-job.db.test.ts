import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@tenure/storage";
import { openJobTest, waitForRows, type JobTest } from "./job-test-harness.ts";
import { startRecoveryFollowUpJob } from "./recovery-follow-up-job.ts";

describe.each(testEngines())("recovery-follow-ups job on %s", (engine) => {
  let t: JobTest;
  beforeAll(async () => {
    t = await openJobTest(engine, startRecoveryFollowUpJob);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is scheduled hourly and, when run, reminds of every workspace's due follow-ups", async () => {
    const { api, boss } = t;
    expect((await boss.getSchedules()).map((s) => [s.name, s.cron])).toEqual([["recovery-follow-ups", "0 * * * *"]]);
    const ws = await api.createWorkspace();
    const customer = await api.createCustomer(ws, { kind: "person", name: "Carla" });
    const db = api.database.db;
    await sql`insert into cases (workspace_id, id, customer_id, subject, status, opened_at) values (${ws.id}, 'case_rec', ${customer.id}, 'Broken', 'resolved', now() - interval '30 days')`.execute(db);
    await sql`insert into case_recoveries (workspace_id, case_id, customer_id, locale, what_went_wrong, started_at, started_by, letter_body, approved_at, approved_by, signer_name, sent_at, letter_pdf, follow_up_due_at)
              values (${ws.id}, 'case_rec', ${customer.id}, 'en', 'Broken', now() - interval '20 days', 'usr_x', 'Dear …', now() - interval '16 days', 'usr_x', 'X',
                now() - interval '15 days', ${new Uint8Array([37, 80, 68, 70])}, now() - interval '1 day')`.execute(db);

    await boss.send("recovery-follow-ups", {});
    const kinds = await waitForRows(async () => (await sql<{ kind: string }>`select kind from case_events where case_id = 'case_rec'`.execute(db)).rows);
    expect(kinds).toEqual([{ kind: "recovery.follow_up_due" }]);
    expect(t.errors).toEqual([]);
  });
});
