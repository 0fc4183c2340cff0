import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@tenure/storage";
import { openCaseFixture, type CaseFixture } from "../sla-handoff-test-fixture.ts";
import { listSlaAlerts } from "./list-sla-alerts.ts";
import { recomputeSlaStates } from "./recompute-sla-states.ts";
import { saveSlaPolicy } from "./save-sla-policy.ts";

// no calendar: the clocks run around the clock; case_late breaches its 60-minute first response at 09:00Z
const now = new Date("2026-01-12T09:10:00Z");
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe.each(testEngines())("SLA recompute writes on %s", (engine) => {
  let f: CaseFixture;
  const clocks = async (caseId: string) =>
    (await sql<{ metric: string; state: string; computed_at: Date }>`select metric, state, computed_at from case_sla where case_id = ${caseId} order by metric`.execute(f.database.db)).rows;
  const setStatus = async (caseId: string, status: string, resolvedAt: string | null) => {
    await sql`update cases set status = ${status}, resolved_at = ${resolvedAt}, updated_at = ${resolvedAt ?? now.toISOString()} where id = ${caseId}`.execute(f.database.db);
  };
  beforeAll(async () => {
    f = await openCaseFixture(engine);
    await saveSlaPolicy(f.ctx("admin"), f, { name: "Normal", priority: "normal", segment: null, firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: 600, warnAtPercent: 80, pauseOnHold: false, position: 0 });
    await f.insertCase("case_late", { openedAt: "2026-01-12T08:00:00Z", ownerUserId: "usr_ann" }, [["created", "open", "2026-01-12T08:00:00Z"]]);
    await f.insertCase("case_low", { openedAt: "2026-01-12T07:00:00Z", priority: "low", status: "resolved", resolvedAt: "2026-01-12T08:30:00.123456Z" }, [
      ["created", "open", "2026-01-12T07:00:00Z"],
      ["status_changed", "resolved", "2026-01-12T08:30:00.123456Z"],
    ]);
  });
  afterAll(async () => {
    await f?.close();
  });

  it("writes the clocks and both alerts once, then leaves unchanged clocks untouched", async () => {
    expect(await recomputeSlaStates(f.ctx("admin"), f, now)).toMatchObject({ cases: 2, clocks: 2, newWarnings: 1, newBreaches: 1 });
    const alerts = await listSlaAlerts(f.ctx("admin"), f, {});
    expect(alerts.map((a) => [a.kind, a.metric, a.occurredAt.toISOString(), a.notifyUserIds])).toEqual([
      ["breach", "first_response", "2026-01-12T09:00:00.000Z", ["usr_ann"]],
      ["warning", "first_response", "2026-01-12T08:48:00.000Z", ["usr_ann"]],
    ]);
    // a minute later nothing changed: the low case (no policy) is not read again, no row is rewritten
    expect(await recomputeSlaStates(f.ctx("admin"), f, minutesLater(1))).toMatchObject({ cases: 1, clocks: 2, newWarnings: 0, newBreaches: 0 });
    expect((await clocks("case_late")).map((c) => [c.metric, c.state, c.computed_at.toISOString()])).toEqual([
      ["first_response", "breached", now.toISOString()],
      ["resolution", "running", now.toISOString()],
    ]);
  });

  it("reads a case again once it was reopened and resolved again, and settles it", async () => {
    await setStatus("case_low", "open", null);
    expect(await recomputeSlaStates(f.ctx("admin"), f, minutesLater(2))).toMatchObject({ cases: 2 });
    await setStatus("case_low", "resolved", "2026-01-12T09:05:00Z");
    expect(await recomputeSlaStates(f.ctx("admin"), f, minutesLater(3))).toMatchObject({ cases: 2, clocks: 2 });
    expect(await recomputeSlaStates(f.ctx("admin"), f, minutesLater(4))).toMatchObject({ cases: 1 });
  });

  it("updates only the clocks that changed and settles them when the case is resolved", async () => {
    await sql`update cases set first_response_at = '2026-01-12T09:20:00Z' where id = 'case_late'`.execute(f.database.db);
    await recomputeSlaStates(f.ctx("admin"), f, minutesLater(20));
    expect((await clocks("case_late")).map((c) => [c.metric, c.state, c.computed_at.toISOString()])).toEqual([
      ["first_response", "breached", minutesLater(20).toISOString()],
      ["resolution", "running", now.toISOString()],
    ]);
    await setStatus("case_late", "resolved", "2026-01-12T09:40:00Z");
    expect(await recomputeSlaStates(f.ctx("admin"), f, minutesLater(40))).toMatchObject({ cases: 1, newWarnings: 0, newBreaches: 0 });
    expect((await clocks("case_late")).map((c) => c.state)).toEqual(["breached", "met"]);
    expect(await recomputeSlaStates(f.ctx("admin"), f, minutesLater(41))).toMatchObject({ cases: 0, clocks: 0 });
  });

  it("refuses clocks of a case that does not exist and deletes them with their case", async () => {
    await expect(
      sql`insert into case_sla (workspace_id, case_id, metric, policy_id, target_minutes, started_at, state, computed_at)
          values ('ws_cases', 'case_none', 'resolution', 'slp_x', 60, now(), 'running', now())`.execute(f.database.db),
    ).rejects.toMatchObject({ code: "23503" });
    await sql`delete from cases where id = 'case_late'`.execute(f.database.db);
    expect(await clocks("case_late")).toEqual([]);
    expect(await listSlaAlerts(f.ctx("admin"), f, {})).toEqual([]);
  });
});
