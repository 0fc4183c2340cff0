import type { BusinessCalendarJson, CaseSlaClockJson, SlaPolicyJson } from "@tenure/api-schemas";
import type { BusinessCalendar, CaseSlaState, SlaAlert, SlaPolicy } from "@tenure/domain";

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** An SLA policy as the API shows it. */
export function toSlaPolicyJson(p: SlaPolicy): SlaPolicyJson {
  const segment = p.segment
    ? {
        ...(p.segment.customerKind ? { customer_kind: p.segment.customerKind } : {}),
        ...(p.segment.sizeBands ? { size_bands: p.segment.sizeBands } : {}),
        ...(p.segment.attribute ? { attribute: p.segment.attribute } : {}),
      }
    : null;
  return {
    id: p.id,
    name: p.name,
    priority: p.priority,
    segment,
    first_response_minutes: p.firstResponseMinutes,
    next_response_minutes: p.nextResponseMinutes,
    resolution_minutes: p.resolutionMinutes,
    warn_at_percent: p.warnAtPercent,
    pause_on_hold: p.pauseOnHold,
    position: p.position,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

/** A business calendar as the API shows it. */
export function toBusinessCalendarJson(c: BusinessCalendar): BusinessCalendarJson {
  return { id: c.id, name: c.name, time_zone: c.timeZone, team_id: c.teamId, is_default: c.isDefault, hours: c.hours, holidays: c.holidays, created_at: c.createdAt.toISOString(), updated_at: c.updatedAt.toISOString() };
}

/** One SLA clock of a case as the API shows it. */
export function toCaseSlaClockJson(s: CaseSlaState): CaseSlaClockJson {
  return {
    metric: s.metric,
    policy_id: s.policyId,
    state: s.state,
    target_minutes: s.targetMinutes,
    started_at: new Date(s.startedAtMs).toISOString(),
    stopped_at: iso(s.stoppedAtMs),
    due_at: iso(s.dueAtMs),
    elapsed_minutes: Math.round(s.elapsedMinutes * 100) / 100,
    paused_minutes: Math.round(s.pausedMinutes * 100) / 100,
    warned_at: iso(s.warnedAtMs),
    breached_at: iso(s.breachedAtMs),
  };
}

/** An SLA alert as the API shows it. */
export function toSlaAlertJson(a: SlaAlert) {
  return {
    id: a.id,
    case_id: a.caseId,
    metric: a.metric,
    kind: a.kind,
    occurred_at: a.occurredAt.toISOString(),
    due_at: a.dueAt?.toISOString() ?? null,
    team_id: a.teamId,
    owner_user_id: a.ownerUserId,
    notify_user_ids: a.notifyUserIds,
    created_at: a.createdAt.toISOString(),
  };
}
