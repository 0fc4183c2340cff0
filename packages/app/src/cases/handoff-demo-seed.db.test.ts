import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weekdays, type DemoHandoffPlan, type Weekday, type WorkingPeriod } from "@tenure/domain";
import { testEngines } from "@tenure/storage";
import { seedDemoHandoffs } from "./handoff-demo-seed.ts";
import { openCaseFixture, type CaseFixture } from "./sla-handoff-test-fixture.ts";

const brief = { problem: "The grinder stops after two seconds on every setting.", tried: "Cleaned the burrs", customerMood: "Annoyed", promised: "A call back today" };
const hours = Object.fromEntries(weekdays.map((d) => [d, [{ start: "08:00", end: "18:00" }]])) as Record<Weekday, WorkingPeriod[]>;

describe.each(testEngines())("demo handoffs seeded on %s", (engine) => {
  let f: CaseFixture;
  beforeAll(async () => {
    f = await openCaseFixture(engine);
    await f.insertCase("case_d1", { openedAt: "2026-01-12T08:00:00Z", ownerUserId: "usr_ann", teamId: "tm_berlin", productId: "prd_app", category: "product_defect" });
    await f.insertCase("case_d2", { openedAt: "2026-01-12T09:00:00Z", ownerUserId: "usr_lea", teamId: "tm_berlin" });
  });
  afterAll(async () => {
    await f?.close();
  });

  it("runs the plan through the use cases: SLAs, map, known problems, accepted and pending handoffs", async () => {
    const plan: DemoHandoffPlan = {
      calendar: { name: "Office", hours, holidays: [] },
      policies: [{ name: "All", priority: null, segment: null, firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: 600, warnAtPercent: 80, pauseOnHold: false, position: 0 }],
      responsibilities: [{ userId: "usr_lea", teamId: "tm_berlin", skills: ["billing"], lead: true }],
      knownProblems: [{ title: "Grinder stops", description: "Motor guard trips.", workaround: "Reset the guard.", fixStatus: "open", productId: "prd_app", caseIds: ["case_d1"] }],
      handoffs: [
        { caseId: "case_d1", fromUserId: "usr_ann", toUserId: "usr_lea", toTeamId: "tm_berlin", brief, requestedAt: new Date("2026-01-12T10:00:00Z"), acceptedAt: new Date("2026-01-12T11:00:00Z") },
        { caseId: "case_d2", fromUserId: "usr_lea", toUserId: "usr_ben", toTeamId: "tm_berlin", brief, requestedAt: new Date("2026-01-12T10:00:00Z"), acceptedAt: null },
      ],
    };
    const roles = new Map([["usr_ann", "agent" as const], ["usr_ben", "agent" as const], ["usr_lea", "manager" as const]]);
    expect(await seedDemoHandoffs(f, "ws_cases", plan, roles, new Date("2026-01-12T07:00:00Z"))).toEqual({ policies: 1, knownProblems: 1, linkedCases: 1, handoffs: 2 });
    const rows = await sql<{ id: string; owner_user_id: string; handoff_count: number; known_problem_id: string | null }>`
      select id, owner_user_id, handoff_count, known_problem_id from cases order by id`.execute(f.database.db);
    expect(rows.rows.map((r) => [r.id, r.owner_user_id, r.handoff_count, r.known_problem_id !== null])).toEqual([
      ["case_d1", "usr_lea", 1, true],
      ["case_d2", "usr_lea", 0, false],
    ]);
    expect((await f.repositories.handoffs.listPendingHandoffsTo("ws_cases", "usr_ben", 10)).map((h) => h.caseId)).toEqual(["case_d2"]);
  });
});
