import type { BusinessTimeline, TimeInterval } from "./business-calendar-timeline.ts";
import { computeSlaClock, type SlaClock } from "./sla-clock.ts";
import { slaTarget, type SlaMetric, type SlaPolicy } from "./sla-policy.ts";

/** A case status change from the status history (case_events). */
export interface SlaStatusChange {
  status: string;
  atMs: number;
}

/** What the SLA clocks read of one case. */
export interface SlaCaseFacts {
  caseId: string;
  openedAtMs: number;
  firstResponseAtMs: number | null;
  /** When the case was resolved (or closed without resolution); null while it is not. */
  resolvedAtMs: number | null;
  /** Status history, oldest first; the clocks pause in pausing statuses. */
  statusChanges: readonly SlaStatusChange[];
  /**
   * The customer's latest message still waiting for (or answered by) an agent
   * after the first response: the next-response clock runs from it.
   */
  nextResponse: { awaitingSinceMs: number; respondedAtMs: number | null } | null;
}

/** One computed clock with its metric. */
export interface SlaMetricState extends SlaClock {
  metric: SlaMetric;
}

/** The statuses a policy pauses in: always pending_customer, on_hold when the policy says so. */
export function pausingStatuses(policy: Pick<SlaPolicy, "pauseOnHold">): ReadonlySet<string> {
  return policy.pauseOnHold ? pendingOrHeld : pendingOnly;
}
const pendingOnly: ReadonlySet<string> = new Set(["pending_customer"]);
const pendingOrHeld: ReadonlySet<string> = new Set(["pending_customer", "on_hold"]);

/** The pauses of a status history: each stretch spent in a pausing status (the last one open). */
export function pausesFromHistory(changes: readonly SlaStatusChange[], pausing: ReadonlySet<string>): TimeInterval[] {
  const pauses: TimeInterval[] = [];
  changes.forEach((change, index) => {
    if (!pausing.has(change.status)) return;
    pauses.push({ startMs: change.atMs, endMs: changes[index + 1]?.atMs ?? null });
  });
  return pauses;
}

/**
 * Every clock `policy` runs for a case at `nowMs`: first response from
 * opening to the first agent answer, next response from the customer's
 * latest unanswered message to the answer, resolution from opening to
 * resolution. A metric without a target is left out.
 */
export function evaluateCaseSla(timeline: BusinessTimeline, policy: SlaPolicy, facts: SlaCaseFacts, nowMs: number): SlaMetricState[] {
  const pauses = pausesFromHistory(facts.statusChanges, pausingStatuses(policy));
  const states: SlaMetricState[] = [];
  const add = (metric: SlaMetric, startedAtMs: number, stoppedAtMs: number | null): void => {
    const targetMinutes = slaTarget(policy, metric);
    if (targetMinutes === null) return;
    const c = computeSlaClock(timeline, { startedAtMs, stoppedAtMs, targetMinutes, warnAtPercent: policy.warnAtPercent, pauses, nowMs });
    states.push({
      metric,
      startedAtMs: c.startedAtMs,
      stoppedAtMs: c.stoppedAtMs,
      targetMinutes: c.targetMinutes,
      dueAtMs: c.dueAtMs,
      elapsedMinutes: c.elapsedMinutes,
      pausedMinutes: c.pausedMinutes,
      warnedAtMs: c.warnedAtMs,
      breachedAtMs: c.breachedAtMs,
      state: c.state,
    });
  };
  add("first_response", facts.openedAtMs, facts.firstResponseAtMs ?? facts.resolvedAtMs);
  add("resolution", facts.openedAtMs, facts.resolvedAtMs);
  if (facts.nextResponse) add("next_response", facts.nextResponse.awaitingSinceMs, facts.nextResponse.respondedAtMs ?? facts.resolvedAtMs);
  return states;
}
