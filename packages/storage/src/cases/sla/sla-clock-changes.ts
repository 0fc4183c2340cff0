import type { CaseSlaState } from "@tenure/domain";
import type { LoadedSlaCase } from "./sla-load-cases.ts";

/** A computed clock that differs from the stored one (or is not stored yet), and the alerts it raises. */
export interface SlaClockWrite {
  state: CaseSlaState;
  /** The values as case_sla stores them (see slaClockColumns). */
  columns: (string | null)[];
  stored: boolean;
  newWarning: boolean;
  newBreach: boolean;
}

/** What a recompute has to write: nothing for clocks that did not change. */
export interface SlaClockChanges {
  writes: SlaClockWrite[];
  /** Stored clocks no policy runs any more. */
  deletes: { caseId: string; metric: string }[];
  /** Resolved or closed cases that gave no clock, with the end they were settled at. */
  settledEmpty: { caseId: string; resolvedAtMs: number }[];
}

/** Whole milliseconds, as a Date (and so COPY) keeps them. */
const msText = (ms: number | null): string | null => (ms === null ? null : String(Math.trunc(ms)));

/**
 * policy_id … settled as case_sla stores them, instants in epoch milliseconds.
 * A running clock's business minutes change every minute: stored once it
 * stops, computed on read before.
 */
export function slaClockColumns(s: CaseSlaState): (string | null)[] {
  const stopped = s.stoppedAtMs !== null;
  return [
    s.policyId,
    String(s.targetMinutes),
    msText(s.startedAtMs),
    msText(s.stoppedAtMs),
    msText(s.dueAtMs),
    stopped ? String(Math.floor(s.elapsedMinutes)) : null,
    stopped ? String(Math.floor(s.pausedMinutes)) : null,
    s.state,
    msText(s.warnedAtMs),
    msText(s.breachedAtMs),
    s.settled ? "t" : "f",
  ];
}

/** A clock as the loader reads stored ones: metric|policy_id|…|settled, null as "" (the order of slaClockColumns). */
function clockText(metric: string, columns: readonly (string | null)[]): string {
  let text = metric;
  for (const value of columns) text += `|${value ?? ""}`;
  return text;
}

const metricOf = (text: string): string => text.slice(0, text.indexOf("|"));
const isOfMetric = (text: string, metric: string): boolean => text.startsWith(metric) && text.charCodeAt(metric.length) === 124; // "|"

/**
 * Compare the computed clocks with the stored ones. A clock is written when
 * any stored value differs; it raises a warning (breach) when it has crossed
 * its threshold (target) and the stored clock had not — in the same run: a
 * clock that started again (a new started_at) alerts again.
 */
export function slaClockChanges(cases: readonly LoadedSlaCase[], states: readonly CaseSlaState[]): SlaClockChanges {
  const computed = new Map<string, CaseSlaState[]>();
  for (const state of states) {
    const list = computed.get(state.caseId);
    if (list) list.push(state);
    else computed.set(state.caseId, [state]);
  }
  const changes: SlaClockChanges = { writes: [], deletes: [], settledEmpty: [] };
  for (const { record, storedClocks } of cases) {
    const clocks = computed.get(record.caseId) ?? [];
    for (const state of clocks) {
      const columns = slaClockColumns(state);
      const before = storedClocks.find((text) => isOfMetric(text, state.metric));
      if (before !== undefined && before === clockText(state.metric, columns)) continue;
      const fields = before?.split("|");
      const sameRun = fields !== undefined && fields[3] === columns[2];
      changes.writes.push({
        state,
        columns,
        stored: before !== undefined,
        newWarning: state.warnedAtMs !== null && !(sameRun && fields[9] !== ""),
        newBreach: state.breachedAtMs !== null && !(sameRun && fields[10] !== ""),
      });
    }
    for (const text of storedClocks) {
      const metric = metricOf(text);
      if (!clocks.some((c) => c.metric === metric)) changes.deletes.push({ caseId: record.caseId, metric });
    }
    if (clocks.length === 0 && record.resolvedAtMs !== null) changes.settledEmpty.push({ caseId: record.caseId, resolvedAtMs: record.resolvedAtMs });
  }
  return changes;
}
