import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Repositories, SatisfactionMonth, SatisfactionSegment, SurveyResponse } from "@tenure/domain";
import { createRepositories } from "../create-repositories.ts";
import type { Database } from "../database/create-database.ts";
import { migrate } from "../database/migrate.ts";
import { openTestDatabase, testEngines } from "../testing/test-databases.ts";

type Period = { from: Date; to: Date };

const at = (iso: string) => new Date(iso);
/** Whole days, part days at both ends, within one day, two part days. */
const periods: Period[] = [
  { from: at("2025-01-01T00:00:00Z"), to: at("2026-01-01T00:00:00Z") },
  { from: at("2025-03-14T06:30:00Z"), to: at("2025-09-02T18:00:00Z") },
  { from: at("2025-05-05T01:00:00Z"), to: at("2025-05-05T23:00:00Z") },
  { from: at("2025-05-05T12:00:00Z"), to: at("2025-05-06T12:00:00Z") },
];
const segments: (SatisfactionSegment | null)[] = [null, { field: "country", value: "DE" }];
const countries = ["DE", "FR", "JP"];
const customerIds = Array.from({ length: 9 }, (_, i) => `cus_${i}`);
/** Times on the edges of days and months, besides the random ones. */
/** A fixed pseudo-random sequence (a Weyl sequence of the golden ratio), the same on every run. */
function sequence(): { chance(p: number): boolean; int(min: number, max: number): number; pick<T>(items: readonly T[]): T; fraction(): number } {
  let x = 0.5;
  const fraction = () => (x = (x + 0.6180339887498949) % 1);
  const int = (min: number, max: number) => min + Math.floor(fraction() * (max - min + 1));
  return { fraction, int, chance: (p) => fraction() < p, pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number] };
}
const edgeTimes = ["2025-03-14T06:29:59.999Z", "2025-03-14T06:30:00Z", "2025-05-05T00:00:00Z", "2025-05-05T23:59:59.999Z", "2025-05-31T23:59:59.999Z", "2025-06-01T00:00:00Z", "2025-12-31T23:59:59.999Z"];

/**
 * satisfactionByMonth — whole days from satisfaction_days (migration 0015,
 * kept by triggers), the rest from the raw rows — against the same
 * statistics computed here from the rows as stored, after every kind of write.
 */
describe.each(testEngines())("satisfaction by month on %s", (engine) => {
  let database: Database;
  let repositories: Repositories;
  const workspaceId = "ws_s";
  const otherWorkspaceId = "ws_o";
  const random = sequence();
  let serial = 0;

  const score = (min: number, max: number, p = 0.8) => (random.chance(p) ? random.int(min, max) : null);
  function response(workspace: string, respondedAt: Date, source: SurveyResponse["source"]): SurveyResponse {
    serial += 1;
    return {
      id: `sres_${serial}`,
      workspaceId: workspace,
      surveyId: "srv_s",
      customerId: random.chance(0.9) ? random.pick(customerIds) : null,
      invitationId: null,
      externalId: source === "import" ? `ext_${serial}` : null,
      source,
      respondedAt,
      locale: "en",
      // ACSI items missing now and then, so some answers are incomplete
      scores: { nps: score(0, 10), csat: score(1, 5, 0.5), ces: score(1, 7, 0.4), acsiOverall: score(1, 10), acsiExpectations: score(1, 10), acsiIdeal: score(1, 10) },
      comment: "fine",
      answers: {},
    };
  }
  const randomTime = () => new Date(Date.UTC(2025, 0, 1) + Math.floor(random.fraction() * 365 * 86_400_000));

  async function invite(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      serial += 1;
      const sentAt = i < edgeTimes.length ? at(edgeTimes[i] ?? "") : randomTime();
      const id = `sinv_${serial}`;
      await repositories.surveys.insertInvitation({ id, workspaceId, surveyId: "srv_s", customerId: random.pick(customerIds.slice(1)) /* cus_0 is deleted below */, locale: "en", channel: "in_app", sentAt, expiresAt: at("2026-06-01T00:00:00Z"), usedAt: null });
      ids.push(id);
    }
    return ids;
  }

  /** The statistics per month computed from the stored rows. */
  async function expected(period: Period, segment: SatisfactionSegment | null): Promise<SatisfactionMonth[]> {
    const country = new Map((await database.db.selectFrom("customers").select(["id", "country"]).where("workspace_id", "=", workspaceId).execute()).map((c) => [c.id, c.country]));
    const counted = (time: Date, customerId: string | null) =>
      time >= period.from && time < period.to && (segment === null || (customerId !== null && country.get(customerId) === segment.value));
    const months = new Map<string, SatisfactionMonth>();
    const month = (time: Date): SatisfactionMonth => {
      const key = time.toISOString().slice(0, 7);
      const empty: SatisfactionMonth = { month: key, responses: 0, promoters: 0, passives: 0, detractors: 0, csatSatisfied: 0, csatResponses: 0, cesSum: 0, cesResponses: 0, acsiN: 0, acsiSum: [0, 0, 0], acsiCrossProducts: [[0, 0, 0], [0, 0, 0], [0, 0, 0]], invitationsSent: 0, invitationsAnswered: 0 };
      return months.get(key) ?? months.set(key, empty).get(key) ?? empty;
    };
    for (const r of await database.db.selectFrom("survey_responses").selectAll().where("workspace_id", "=", workspaceId).execute()) {
      if (!counted(r.responded_at, r.customer_id)) continue;
      const m = month(r.responded_at);
      m.responses += 1;
      if (r.nps !== null) {
        if (r.nps >= 9) m.promoters += 1;
        else if (r.nps >= 7) m.passives += 1;
        else m.detractors += 1;
      }
      if (r.csat !== null) {
        m.csatResponses += 1;
        if (r.csat >= 4) m.csatSatisfied += 1;
      }
      if (r.ces !== null) {
        m.cesResponses += 1;
        m.cesSum += r.ces;
      }
      const items = [r.acsi_overall, r.acsi_expectations, r.acsi_ideal];
      if (items.every((x): x is number => x !== null)) {
        m.acsiN += 1;
        items.forEach((x, i) => {
          m.acsiSum[i] = (m.acsiSum[i] ?? 0) + x;
          items.forEach((y, j) => {
            const row = m.acsiCrossProducts[i] ?? [];
            row[j] = (row[j] ?? 0) + x * y;
          });
        });
      }
    }
    for (const i of await database.db.selectFrom("survey_invitations").selectAll().where("workspace_id", "=", workspaceId).execute()) {
      if (!counted(i.sent_at, i.customer_id)) continue;
      const m = month(i.sent_at);
      m.invitationsSent += 1;
      if (i.used_at !== null) m.invitationsAnswered += 1;
    }
    return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  }

  async function expectExact(): Promise<void> {
    for (const period of periods) {
      for (const segment of segments) {
        const actual = await repositories.surveys.satisfactionByMonth(workspaceId, { ...period, segment });
        expect(actual, `${period.from.toISOString()} – ${period.to.toISOString()}, ${segment?.value ?? "all"}`).toEqual(await expected(period, segment));
      }
    }
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    repositories = createRepositories(database);
    for (const id of [workspaceId, otherWorkspaceId]) {
      await database.db.insertInto("workspaces").values({ id, name: id, slug: id, settings: "{}" }).execute();
      await database.db
        .insertInto("customers")
        .values(customerIds.map((c, i) => ({ workspace_id: id, id: c, kind: "person", country: countries[i % countries.length] ?? null })))
        .execute();
      await database.db.insertInto("surveys").values({ workspace_id: id, id: "srv_s", name: "NPS", kind: "nps", questions: "[]" }).execute();
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it("counts an import, link answers one by one and invitations, and nothing of another workspace", async () => {
    const imported = [...edgeTimes.map(at), ...Array.from({ length: 1500 }, randomTime)].map((t) => response(workspaceId, t, "import"));
    expect(await repositories.surveys.insertResponses(imported)).toBe(imported.length);
    // a re-import stores (and counts) nothing
    expect(await repositories.surveys.insertResponses(imported.slice(0, 10))).toBe(0);
    for (let i = 0; i < 20; i++) await repositories.surveys.insertResponse(response(workspaceId, randomTime(), "link"));
    await repositories.surveys.insertResponses(Array.from({ length: 200 }, () => response(otherWorkspaceId, randomTime(), "import")));
    const invitations = await invite(60);
    for (const id of invitations.slice(0, 25)) await repositories.surveys.markInvitationUsed(workspaceId, id, at("2025-12-01T00:00:00Z"));
    await expectExact();
  });

  it("follows updates: scores changed, answers moved to other days and months, invitations moved, a comment erased", async () => {
    await sql`update survey_responses set nps = 10 - nps, csat = null where workspace_id = ${workspaceId} and nps between 2 and 5`.execute(database.db);
    await sql`update survey_responses set responded_at = responded_at + interval '17 days 5 hours', acsi_ideal = coalesce(acsi_ideal, 4)
      where workspace_id = ${workspaceId} and acsi_overall = 7 and responded_at < '2025-12-01'`.execute(database.db);
    await sql`update survey_invitations set sent_at = sent_at - interval '40 days', used_at = null where workspace_id = ${workspaceId} and used_at is not null and sent_at > '2025-03-01'`.execute(database.db);
    await sql`update survey_responses set comment = null where workspace_id = ${workspaceId}`.execute(database.db);
    await expectExact();
  });

  it("follows deletes: answers, a customer with its answers and invitations, an erased customer", async () => {
    await sql`delete from survey_responses where workspace_id = ${workspaceId} and (nps = 0 or responded_at >= '2025-05-05' and responded_at < '2025-05-06')`.execute(database.db);
    await database.db.deleteFrom("customers").where("workspace_id", "=", workspaceId).where("id", "=", "cus_0").execute();
    await repositories.dataSubjects.erase(workspaceId, "cus_1", at("2025-12-24T00:00:00Z"));
    await expectExact();
  });

  it("reads whole days from satisfaction_days, and rebuilds them after a truncate", async () => {
    const whole = { ...(periods[0] as Period), segment: null };
    const before = await repositories.surveys.satisfactionByMonth(workspaceId, whole);
    await sql`update satisfaction_days set responses = responses + 1000 where workspace_id = ${workspaceId} and day = '2025-07-04'`.execute(database.db);
    const tampered = await repositories.surveys.satisfactionByMonth(workspaceId, whole);
    expect(tampered.find((m) => m.month === "2025-07")?.responses).toBe((before.find((m) => m.month === "2025-07")?.responses ?? 0) + 1000);
    await sql`truncate survey_invitations`.execute(database.db);
    await expectExact();
  });

  it("fills the days of answers stored before migration 0015 (re-applied on this data)", async () => {
    await sql`drop table satisfaction_days`.execute(database.db);
    await sql`drop function satisfaction_days_count() cascade`.execute(database.db);
    await sql`drop function satisfaction_days_rebuild()`.execute(database.db);
    await sql`drop function satisfaction_days_statement(text, text)`.execute(database.db);
    await sql`delete from schema_migrations where version like '%_satisfaction_days'`.execute(database.db);
    expect((await migrate(database)).applied).toContainEqual(expect.stringMatching(/_satisfaction_days$/));
    await invite(30);
    await expectExact();
  });

  it("lets a workspace be deleted with its answers and days", async () => {
    await database.db.deleteFrom("workspaces").where("id", "=", otherWorkspaceId).execute();
    const left = await sql<{ n: number }>`select count(*)::int as n from satisfaction_days where workspace_id = ${otherWorkspaceId}`.execute(database.db);
    expect(left.rows[0]?.n).toBe(0);
    await expectExact();
  });
});
