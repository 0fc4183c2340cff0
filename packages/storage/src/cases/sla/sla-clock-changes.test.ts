import { describe, expect, it } from "vitest";
import type { CaseSlaState, SlaCaseRecord } from "@tenure/domain";
import { slaClockChanges, slaClockColumns } from "./sla-clock-changes.ts";
import type { LoadedSlaCase } from "./sla-load-cases.ts";

const t = (iso: string) => Date.parse(iso);

function record(caseId: string, resolvedAtMs: number | null = null): SlaCaseRecord {
  return {
    caseId,
    priority: "normal",
    status: resolvedAtMs === null ? "open" : "resolved",
    teamId: null,
    teamTimeZone: null,
    ownerUserId: null,
    customerKind: null,
    sizeBand: null,
    attributes: {},
    openedAtMs: t("2026-01-12T08:00:00Z"),
    firstResponseAtMs: null,
    resolvedAtMs,
    statusChanges: [],
    nextResponse: null,
  };
}

const running: CaseSlaState = {
  caseId: "case_a",
  policyId: "slp_1",
  settled: false,
  metric: "first_response",
  startedAtMs: t("2026-01-12T08:00:00Z"),
  stoppedAtMs: null,
  targetMinutes: 60,
  dueAtMs: t("2026-01-12T09:00:00Z"),
  elapsedMinutes: 50.5,
  pausedMinutes: 0,
  warnedAtMs: t("2026-01-12T08:48:00Z"),
  breachedAtMs: null,
  state: "running",
};

/** A clock as the loader reads it back from case_sla (storedClockSql's format). */
const storedText = (s: CaseSlaState) => [s.metric, ...slaClockColumns(s)].map((v) => v ?? "").join("|");

describe("slaClockChanges", () => {
  it("writes a new clock with its alerts, and nothing for a clock stored as computed", () => {
    const fresh = slaClockChanges([{ record: record("case_a"), storedClocks: [] }], [running]);
    expect(fresh.writes.map((w) => [w.stored, w.newWarning, w.newBreach])).toEqual([[false, true, false]]);
    // the running clock's minutes are not stored, so their change is no change
    const same = slaClockChanges([{ record: record("case_a"), storedClocks: [storedText(running)] }], [{ ...running, elapsedMinutes: 55 }]);
    expect(same).toEqual({ writes: [], deletes: [], settledEmpty: [] });
  });

  it("raises a breach for a warned clock of the same run, and a warning again for a new run", () => {
    const cases: LoadedSlaCase[] = [{ record: record("case_a"), storedClocks: [storedText(running)] }];
    const breached = { ...running, breachedAtMs: t("2026-01-12T09:00:00Z"), state: "breached" as const };
    expect(slaClockChanges(cases, [breached]).writes.map((w) => [w.stored, w.newWarning, w.newBreach])).toEqual([[true, false, true]]);
    const restarted = { ...running, startedAtMs: t("2026-01-12T10:00:00Z"), warnedAtMs: t("2026-01-12T10:48:00Z") };
    expect(slaClockChanges(cases, [restarted]).writes.map((w) => [w.stored, w.newWarning, w.newBreach])).toEqual([[true, true, false]]);
  });

  it("deletes stored clocks no policy runs and marks a resolved case without clocks as settled", () => {
    const resolvedAt = t("2026-01-12T09:30:00Z");
    const changes = slaClockChanges(
      [
        { record: record("case_a"), storedClocks: [storedText(running), storedText({ ...running, metric: "resolution", warnedAtMs: null })] },
        { record: record("case_b", resolvedAt), storedClocks: [] },
      ],
      [running],
    );
    expect(changes).toEqual({ writes: [], deletes: [{ caseId: "case_a", metric: "resolution" }], settledEmpty: [{ caseId: "case_b", resolvedAtMs: resolvedAt }] });
  });
});
