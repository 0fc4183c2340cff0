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
  return new Set(policy.pauseOnHold ? ["pending_customer", "on_hold"] : ["pending_customer"]);
}

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
  const spans: { metric: SlaMetric; startedAtMs: number; stoppedAtMs: number | null }[] = [
    { metric: "first_response", startedAtMs: facts.openedAtMs, stoppedAtMs: facts.firstResponseAtMs ?? facts.resolvedAtMs },
    { metric: "resolution", startedAtMs: facts.openedAtMs, stoppedAtMs: facts.resolvedAtMs },
  ];
  if (facts.nextResponse) spans.push({ metric: "next_response", startedAtMs: facts.nextResponse.awaitingSinceMs, stoppedAtMs: facts.nextResponse.respondedAtMs ?? facts.resolvedAtMs });
  const states: SlaMetricState[] = [];
  for (const span of spans) {
    const targetMinutes = slaTarget(policy, span.metric);
    if (targetMinutes === null) continue;
    const clock = computeSlaClock(timeline, { ...span, targetMinutes, warnAtPercent: policy.warnAtPercent, pauses, nowMs });
    states.push({ metric: span.metric, ...clock });
  }
  return states;
}
