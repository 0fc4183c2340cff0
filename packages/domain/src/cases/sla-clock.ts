import { mergePauses, type BusinessTimeline, type TimeInterval } from "./business-calendar-timeline.ts";

const minuteMs = 60_000;

/** Where one SLA clock stands. */
export type SlaClockState = "running" | "paused" | "met" | "breached";

/** One clock of one case: when it started and stopped, how much business time ran, when it warned and breached. */
export interface SlaClock {
  startedAtMs: number;
  /** When the clock's goal was reached (first answer, resolution); null while open. */
  stoppedAtMs: number | null;
  targetMinutes: number;
  /** When the target runs out if nothing pauses it; null while paused (nobody knows yet). */
  dueAtMs: number | null;
  /** Business minutes counted, pauses left out, up to the stop or `now`. */
  elapsedMinutes: number;
  /** Business minutes paused, up to the stop or `now`. */
  pausedMinutes: number;
  /** When `warnAtPercent` of the target had elapsed, if it has. */
  warnedAtMs: number | null;
  /** When the target ran out, if it did before the stop (or now). */
  breachedAtMs: number | null;
  state: SlaClockState;
}

export interface SlaClockInput {
  startedAtMs: number;
  stoppedAtMs: number | null;
  targetMinutes: number;
  warnAtPercent: number;
  /** Stretches the clock does not run (pending the customer, on hold); an open pause has endMs null. */
  pauses: readonly TimeInterval[];
  nowMs: number;
}

/**
 * The instant at which `budgetMs` business milliseconds have counted from
 * `startBusinessMs` (a position on the timeline), skipping the (merged,
 * ordered) pauses; null when the budget is
 * not spent before an open pause (the clock is stopped there).
 */
function instantWhenSpent(timeline: BusinessTimeline, startBusinessMs: number, budgetMs: number, pauses: { startMs: number; endMs: number }[], openPauseFromMs: number | null): number | null {
  let cursor = startBusinessMs;
  let remaining = budgetMs;
  for (const pause of pauses) {
    const available = timeline.businessMsAt(pause.startMs) - cursor;
    if (remaining <= available) return timeline.instantAt(cursor + remaining);
    remaining -= available;
    cursor = timeline.businessMsAt(pause.endMs);
  }
  if (openPauseFromMs !== null) {
    const available = timeline.businessMsAt(openPauseFromMs) - cursor;
    return remaining <= available ? timeline.instantAt(cursor + remaining) : null;
  }
  return timeline.instantAt(cursor + remaining);
}

/**
 * Compute one SLA clock on `timeline` (which must start at or before
 * `startedAtMs`). Time counts in business minutes; pauses stop it. A clock
 * stopped at or before its due time is met, otherwise breached (at the due
 * time); an unstopped clock is breached once now passes the due time.
 */
export function computeSlaClock(timeline: BusinessTimeline, input: SlaClockInput): SlaClock {
  const endMs = Math.max(input.startedAtMs, input.stoppedAtMs ?? input.nowMs);
  const startBusinessMs = timeline.businessMsAt(input.startedAtMs);
  let openFromMs: number | null = null;
  let closedPauses: { startMs: number; endMs: number }[] = [];
  let pausedMs = 0;
  if (input.pauses.length > 0) {
    // a pause still open at the end of the counted span (only possible while running) stops the due time
    const openPause = input.stoppedAtMs === null ? input.pauses.find((p) => p.endMs === null && p.startMs <= endMs) : undefined;
    openFromMs = openPause ? Math.max(openPause.startMs, input.startedAtMs) : null;
    closedPauses = mergePauses(openPause ? input.pauses.filter((p) => p !== openPause) : input.pauses, input.startedAtMs, endMs);
    for (const p of openPause ? mergePauses(input.pauses, input.startedAtMs, endMs) : closedPauses) pausedMs += timeline.businessMsAt(p.endMs) - timeline.businessMsAt(p.startMs);
  }
  const elapsedMs = timeline.businessMsAt(endMs) - startBusinessMs - pausedMs;
  const targetMs = input.targetMinutes * minuteMs;
  const dueAtMs = instantWhenSpent(timeline, startBusinessMs, targetMs, closedPauses, openFromMs);
  const warnAtMs = instantWhenSpent(timeline, startBusinessMs, (targetMs * input.warnAtPercent) / 100, closedPauses, openFromMs);
  const breachedAtMs = dueAtMs !== null && dueAtMs < endMs ? dueAtMs : null;
  const warnedAtMs = warnAtMs !== null && warnAtMs <= endMs ? warnAtMs : null;
  let state: SlaClockState;
  if (input.stoppedAtMs !== null) state = breachedAtMs === null ? "met" : "breached";
  else if (breachedAtMs !== null) state = "breached";
  else state = openFromMs !== null ? "paused" : "running";
  return {
    startedAtMs: input.startedAtMs,
    stoppedAtMs: input.stoppedAtMs,
    targetMinutes: input.targetMinutes,
    dueAtMs,
    elapsedMinutes: Math.max(0, elapsedMs) / minuteMs,
    pausedMinutes: pausedMs / minuteMs,
    warnedAtMs,
    breachedAtMs,
    state,
  };
}
