import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@tenure/storage";
import { fixtureWorkspace, openCaseFixture, type CaseFixture } from "../sla-handoff-test-fixture.ts";
import { remindDueRecoveryFollowUps } from "./remind-due-recovery-follow-ups.ts";

describe.each(testEngines())("recovery follow-up reminders on %s", (engine) => {
  let f: CaseFixture;
  /** A recovery whose letter went out at `sentAt`, follow-up due at `dueAt` (done at `doneAt`). */
  const sentRecovery = async (caseId: string, owner: string | null, dueAt: string, doneAt: string | null = null) => {
    await f.insertCase(caseId, { openedAt: "2026-01-02T09:00:00Z", customerId: "cus_big", ownerUserId: owner });
    await sql`insert into case_recoveries (workspace_id, case_id, customer_id, locale, what_went_wrong, started_at, started_by, letter_body, approved_at, approved_by, signer_name,
                sent_at, letter_pdf, follow_up_days, follow_up_due_at, follow_up_done_at, follow_up_note)
              values (${fixtureWorkspace}, ${caseId}, 'cus_big', 'en', 'Late delivery', '2026-01-02T10:00:00Z', 'usr_lea', 'Dear …', '2026-01-03T09:00:00Z', 'usr_lea', 'Lea',
                '2026-01-03T10:00:00Z', ${new Uint8Array([37, 80, 68, 70])}, 14, ${dueAt}, ${doneAt}, ${doneAt === null ? null : "Fine now"})`.execute(f.database.db);
  };
  const reminders = async () =>
    (
      await sql<{ case_id: string; actor_user_id: string | null; data: { due_at: string; owner_user_id: string | null; actor: string } }>`
        select case_id, actor_user_id, data from case_events where kind = 'recovery.follow_up_due' order by case_id`.execute(f.database.db)
    ).rows.map((e) => [e.case_id, e.actor_user_id, e.data.owner_user_id, e.data.due_at, e.data.actor]);

  beforeAll(async () => {
    f = await openCaseFixture(engine);
    await sentRecovery("case_due", "usr_ann", "2026-01-17T10:00:00Z");
    await sentRecovery("case_later", "usr_ben", "2026-01-20T10:00:00Z");
    await sentRecovery("case_done", "usr_ann", "2026-01-16T10:00:00Z", "2026-01-16T09:00:00Z");
    await sentRecovery("case_no_owner", null, "2026-01-10T10:00:00Z");
  });
  afterAll(async () => {
    await f?.close();
  });

  it("reminds the owner once of each due follow-up that is not done, on the case and the customer's timeline", async () => {
    const at = new Date("2026-01-18T08:00:00Z");
    expect(await remindDueRecoveryFollowUps(f.ctx("admin", "system:jobs"), f, at)).toEqual({ reminded: 2 });
    expect(await reminders()).toEqual([
      ["case_due", null, "usr_ann", "2026-01-17T10:00:00.000Z", "system:jobs"],
      ["case_no_owner", null, null, "2026-01-10T10:00:00.000Z", "system:jobs"],
    ]);
    const timeline = await sql<{ summary: string; properties: { case_id: string; step: string } }>`
      select summary, properties from events where type = 'case.recovery' and customer_id = 'cus_big' order by properties->>'case_id'`.execute(f.database.db);
    expect(timeline.rows.map((e) => [e.properties.case_id, e.properties.step, e.summary])).toEqual([
      ["case_due", "follow_up_due", "Recovery: follow-up due"],
      ["case_no_owner", "follow_up_due", "Recovery: follow-up due"],
    ]);
    // run again: nothing twice; a day later the next one comes due
    expect(await remindDueRecoveryFollowUps(f.ctx("admin", "system:jobs"), f, at)).toEqual({ reminded: 0 });
    expect(await remindDueRecoveryFollowUps(f.ctx("admin", "system:jobs"), f, new Date("2026-01-21T08:00:00Z"))).toEqual({ reminded: 1 });
    expect((await reminders()).map(([caseId]) => caseId)).toEqual(["case_due", "case_later", "case_no_owner"]);
  });

  it("needs cases.write", async () => {
    await expect(remindDueRecoveryFollowUps(f.ctx("analyst"), f)).rejects.toMatchObject({ code: "permission_denied" });
  });
});
