import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weekdays, type Weekday, type WorkingPeriod } from "@tenure/domain";
import { testEngines } from "@tenure/storage";
import { saveResponsibility } from "../responsibility-map-save.ts";
import { openCaseFixture, type CaseFixture } from "../sla-handoff-test-fixture.ts";
import { getCaseSla } from "./get-case-sla.ts";
import { getSlaAttainment } from "./get-sla-attainment.ts";
import { listSlaAlerts } from "./list-sla-alerts.ts";
import { listSlaConfiguration } from "./list-sla-configuration.ts";
import { recomputeSlaStates } from "./recompute-sla-states.ts";
import { saveBusinessCalendar } from "./save-business-calendar.ts";
import { saveSlaPolicy } from "./save-sla-policy.ts";

const officeHours = Object.fromEntries(weekdays.map((d) => [d, d === "sat" || d === "sun" ? [] : [{ start: "09:00", end: "17:00" }]])) as Record<Weekday, WorkingPeriod[]>;
const policyDefaults = { priority: null, segment: null, firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 480, warnAtPercent: 80, pauseOnHold: false, position: 0 };
// Monday 2026-01-12, 09:00 in Berlin is 08:00Z
const now = new Date("2026-01-12T08:40:00Z");

describe.each(testEngines())("SLA recompute on %s", (engine) => {
  let f: CaseFixture;
  let enterpriseId = "";
  beforeAll(async () => {
    f = await openCaseFixture(engine);
    const admin = f.ctx("admin");
    await saveBusinessCalendar(admin, f, { name: "Office", timeZone: null, teamId: null, isDefault: true, hours: officeHours, holidays: ["2026-01-01"] });
    await saveSlaPolicy(admin, f, { ...policyDefaults, name: "Standard" });
    enterpriseId = (await saveSlaPolicy(admin, f, { ...policyDefaults, name: "Enterprise urgent", priority: "urgent", segment: { attribute: { key: "plan", value: "enterprise" } }, firstResponseMinutes: 30 })).id;
    await saveResponsibility(admin, f, { userId: "usr_lea", teamId: "tm_berlin", skills: [], productIds: [], languages: [], lead: true, maxOpenCases: null });
    await f.insertCase("case_late", { openedAt: "2026-01-12T08:00:00Z", priority: "urgent", customerId: "cus_big", teamId: "tm_berlin", ownerUserId: "usr_ann" }, [["created", "open", "2026-01-12T08:00:00Z"]]);
    await f.insertCase("case_waiting", { openedAt: "2026-01-12T08:00:00Z", teamId: "tm_berlin" }, [
      ["created", "open", "2026-01-12T08:00:00Z"],
      ["status_changed", "pending_customer", "2026-01-12T08:10:00Z"],
    ]);
    await f.insertCase(
      "case_done",
      { openedAt: "2026-01-09T08:00:00Z", status: "resolved", teamId: "tm_berlin", firstResponseAt: "2026-01-09T08:20:00Z", resolvedAt: "2026-01-09T10:00:00Z" },
      [
        ["created", "open", "2026-01-09T08:00:00Z"],
        ["status_changed", "resolved", "2026-01-09T10:00:00Z"],
      ],
    );
  });
  afterAll(async () => {
    await f?.close();
  });

  it("breaches the enterprise first response in the team's zone, raises one alert and escalates once", async () => {
    const report = await recomputeSlaStates(f.ctx("admin"), f, now);
    expect(report).toMatchObject({ cases: 3, newBreaches: 1 });
    const again = await recomputeSlaStates(f.ctx("admin"), f, new Date(now.getTime() + 60_000));
    expect(again).toMatchObject({ cases: 2, newWarnings: 0, newBreaches: 0 });
    expect(await listSlaAlerts(f.ctx("agent", "usr_ben"), f, { kind: "breach" })).toEqual([]);
    const breaches = await listSlaAlerts(f.ctx("agent", "usr_ann"), f, { kind: "breach" });
    expect(breaches.map((a) => [a.caseId, a.metric, a.occurredAt.toISOString(), a.notifyUserIds])).toEqual([["case_late", "first_response", "2026-01-12T08:30:00.000Z", ["usr_ann", "usr_lea"]]]);
    const events = await sql<{ kind: string; data: { metric: string } }>`select kind, data from case_events where case_id = 'case_late' and kind = 'sla_breached'`.execute(f.database.db);
    expect(events.rows.map((e) => e.data.metric)).toEqual(["first_response"]);
  });

  it("pauses the clocks while pending the customer", async () => {
    const clocks = await getCaseSla(f.ctx("manager"), f, "case_waiting", now);
    expect(clocks.map((c) => [c.metric, c.state, c.dueAtMs, c.elapsedMinutes, c.pausedMinutes])).toEqual([
      ["first_response", "paused", null, 10, 30],
      ["resolution", "paused", null, 10, 30],
    ]);
  });

  it("stores final clocks of resolved cases and reports attainment from them", async () => {
    const attainment = await getSlaAttainment(f.ctx("analyst"), f, { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-02-01T00:00:00Z") });
    expect(attainment).toEqual([
      { metric: "first_response", met: 1, breached: 1, attainment: 0.5 },
      { metric: "resolution", met: 1, breached: 0, attainment: 1 },
    ]);
  });

  it("refuses invalid configuration with field errors, conflicts and the wrong role", async () => {
    const admin = f.ctx("admin");
    await expect(saveSlaPolicy(admin, f, { ...policyDefaults, name: " ", firstResponseMinutes: null, nextResponseMinutes: null, resolutionMinutes: null })).rejects.toMatchObject({
      code: "invalid_input",
      details: { field: "name", errors: [{ field: "name" }, { field: "first_response_minutes" }] },
    });
    await expect(saveBusinessCalendar(admin, f, { name: "Mars", timeZone: "Mars/Base", teamId: null, isDefault: false, hours: officeHours, holidays: [] })).rejects.toMatchObject({ details: { field: "time_zone" } });
    await expect(saveBusinessCalendar(admin, f, { name: "Second default", timeZone: "UTC", teamId: null, isDefault: true, hours: officeHours, holidays: [] })).rejects.toMatchObject({ category: "conflict" });
    await expect(saveSlaPolicy(f.ctx("agent"), f, { ...policyDefaults, name: "Mine" })).rejects.toMatchObject({ code: "permission_denied" });
    const { policies, calendars } = await listSlaConfiguration(admin, f);
    expect([policies.length, calendars.length]).toEqual([2, 1]);
  });

  it("drops the clocks a changed policy no longer runs", async () => {
    const metrics = async () => (await sql<{ metric: string }>`select metric from case_sla where case_id = 'case_late' order by metric`.execute(f.database.db)).rows.map((r) => r.metric);
    expect(await metrics()).toEqual(["first_response", "resolution"]);
    await saveSlaPolicy(f.ctx("admin"), f, { ...policyDefaults, name: "Enterprise urgent", priority: "urgent", segment: { attribute: { key: "plan", value: "enterprise" } }, firstResponseMinutes: 30, resolutionMinutes: null }, enterpriseId);
    await recomputeSlaStates(f.ctx("admin"), f, new Date(now.getTime() + 120_000));
    expect(await metrics()).toEqual(["first_response"]);
  });
});
