import { alwaysWorking, type BusinessCalendar, type WorkingTime } from "./business-calendar.ts";
import { businessTimeline, type BusinessTimeline } from "./business-calendar-timeline.ts";
import { evaluateCaseSla } from "./sla-evaluation.ts";
import { selectSlaPolicy, type SlaPolicy } from "./sla-policy.ts";
import type { CaseSlaState, SlaCaseRecord } from "./sla-repository.ts";

/** Statuses after which a case's clocks are final. */
const finalStatuses: ReadonlySet<string> = new Set(["resolved", "closed"]);

/**
 * The working time of a case's team: the calendar assigned to the team, else
 * the workspace default, else around the clock in UTC. A calendar without a
 * zone takes the team's zone (UTC when the team has none).
 */
export function resolveWorkingTime(calendars: readonly BusinessCalendar[], teamId: string | null, teamTimeZone: string | null): { key: string; workingTime: WorkingTime } {
  const calendar = (teamId !== null ? calendars.find((c) => c.teamId === teamId) : undefined) ?? calendars.find((c) => c.isDefault);
  if (!calendar) return { key: "always", workingTime: alwaysWorking };
  const timeZone = calendar.timeZone ?? teamTimeZone ?? "UTC";
  return { key: `${calendar.id}|${timeZone}`, workingTime: { timeZone, hours: calendar.hours, holidays: calendar.holidays } };
}

/**
 * Every clock of many cases at `nowMs`. One business timeline is built per
 * calendar and zone (from the earliest clock start among its cases) and shared,
 * so the cost per case is a few binary searches.
 */
export function computeSlaStates(records: readonly SlaCaseRecord[], policies: readonly SlaPolicy[], calendars: readonly BusinessCalendar[], nowMs: number): CaseSlaState[] {
  const groups = new Map<string, { workingTime: WorkingTime; originMs: number; cases: { record: SlaCaseRecord; policy: SlaPolicy }[] }>();
  for (const record of records) {
    const policy = selectSlaPolicy(policies, { priority: record.priority, customerKind: record.customerKind, sizeBand: record.sizeBand, attributes: record.attributes });
    if (!policy) continue;
    const { key, workingTime } = resolveWorkingTime(calendars, record.teamId, record.teamTimeZone);
    const originMs = Math.min(record.openedAtMs, record.nextResponse?.awaitingSinceMs ?? record.openedAtMs);
    const group = groups.get(key);
    if (group) {
      group.originMs = Math.min(group.originMs, originMs);
      group.cases.push({ record, policy });
    } else groups.set(key, { workingTime, originMs, cases: [{ record, policy }] });
  }
  const states: CaseSlaState[] = [];
  for (const group of groups.values()) {
    const timeline: BusinessTimeline = businessTimeline(group.workingTime, group.originMs);
    for (const { record, policy } of group.cases) {
      const settled = finalStatuses.has(record.status);
      for (const m of evaluateCaseSla(timeline, policy, record, nowMs)) {
        states.push({
          caseId: record.caseId,
          policyId: policy.id,
          settled,
          metric: m.metric,
          startedAtMs: m.startedAtMs,
          stoppedAtMs: m.stoppedAtMs,
          targetMinutes: m.targetMinutes,
          dueAtMs: m.dueAtMs,
          elapsedMinutes: m.elapsedMinutes,
          pausedMinutes: m.pausedMinutes,
          warnedAtMs: m.warnedAtMs,
          breachedAtMs: m.breachedAtMs,
          state: m.state,
        });
      }
    }
  }
  return states;
}
