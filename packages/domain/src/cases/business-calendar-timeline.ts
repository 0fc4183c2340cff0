import { minutesOfDay, weekdays, type WorkingTime } from "./business-calendar.ts";
import { localDateOf, zonedWallTimeToInstant } from "./business-calendar-zone.ts";

const dayMs = 86_400_000;
const minuteMs = 60_000;
/** A clock that finds no working time within this many days stops looking (a calendar of all holidays). */
const maxSearchDays = 3_660;

/** A stretch of time [startMs, endMs); endMs null: still going on. */
export interface TimeInterval {
  startMs: number;
  endMs: number | null;
}

/**
 * Business time of one calendar in one zone, from an origin onward: the
 * working intervals as UTC instants with running totals, built day by day
 * as far as a question needs. Both questions are a binary search, so one
 * timeline serves many cases (the bulk SLA recompute builds one per
 * calendar and zone).
 */
export interface BusinessTimeline {
  /** Business milliseconds from the origin up to the instant `ms` (≥ origin). */
  businessMsAt(ms: number): number;
  /** The earliest instant at which `businessMsAt` reaches `businessMs`. */
  instantAt(businessMs: number): number;
}

/**
 * A timeline of `workingTime` starting at the local midnight before
 * `originMs`. Holidays and DST changes are honoured: a working day of 09:00–17:00
 * is 8 hours on the day clocks change, because its ends are local wall times.
 */
export function businessTimeline(workingTime: WorkingTime, originMs: number): BusinessTimeline {
  const zone = workingTime.timeZone;
  const holidays = new Set(workingTime.holidays);
  const starts: number[] = [];
  const ends: number[] = [];
  const before: number[] = [];
  let total = 0;
  let nextDay = localDateOf(zone, originMs);
  const firstDay = nextDay;

  const addDay = (): void => {
    const day = nextDay;
    nextDay += dayMs;
    const date = new Date(day);
    if (holidays.has(date.toISOString().slice(0, 10))) return;
    const weekday = weekdays[(date.getUTCDay() + 6) % 7];
    for (const period of weekday ? workingTime.hours[weekday] : []) {
      const start = zonedWallTimeToInstant(zone, day + minutesOfDay(period.start) * minuteMs);
      const end = zonedWallTimeToInstant(zone, day + minutesOfDay(period.end) * minuteMs);
      const from = Math.max(start, ends.at(-1) ?? -Infinity);
      if (end <= from) continue;
      starts.push(from);
      ends.push(end);
      before.push(total);
      total += end - from;
    }
  };
  const addDayOrThrow = (): void => {
    if ((nextDay - firstDay) / dayMs > maxSearchDays) throw new Error(`no working time within ${maxSearchDays} days in calendar zone ${zone}`);
    addDay();
  };
  /** Index of the last interval starting at or before `ms`, or -1. */
  const lastStartingBy = (ms: number): number => {
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] ?? Infinity) <= ms) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };

  return {
    businessMsAt(ms) {
      while (nextDay <= ms + dayMs) addDayOrThrow();
      const index = lastStartingBy(ms);
      if (index < 0) return 0;
      return (before[index] ?? 0) + Math.min(ms, ends[index] ?? ms) - (starts[index] ?? ms);
    },
    instantAt(businessMs) {
      while (total < businessMs || starts.length === 0) addDayOrThrow();
      let low = 0;
      let high = starts.length - 1;
      // first interval whose running total after it reaches businessMs
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((before[middle] ?? 0) + ((ends[middle] ?? 0) - (starts[middle] ?? 0)) >= businessMs) high = middle;
        else low = middle + 1;
      }
      return (starts[low] ?? 0) + Math.max(0, businessMs - (before[low] ?? 0));
    },
  };
}

/**
 * The instant `minutes` business minutes after `fromMs` (0 minutes: `fromMs`
 * itself). Outside working hours the count starts at the next opening.
 */
export function addBusinessMinutes(workingTime: WorkingTime, fromMs: number, minutes: number): number {
  if (minutes <= 0) return fromMs;
  const timeline = businessTimeline(workingTime, fromMs);
  return timeline.instantAt(timeline.businessMsAt(fromMs) + minutes * minuteMs);
}

/**
 * Business minutes between two instants, leaving out the business time of
 * `pauses` (which may overlap each other; an open pause runs to `toMs`).
 */
export function businessMinutesBetween(workingTime: WorkingTime, fromMs: number, toMs: number, pauses: readonly TimeInterval[] = []): number {
  if (toMs <= fromMs) return 0;
  const timeline = businessTimeline(workingTime, fromMs);
  const paused = pausedBusinessMs(timeline, fromMs, toMs, pauses);
  return (timeline.businessMsAt(toMs) - timeline.businessMsAt(fromMs) - paused) / minuteMs;
}

/** Merge `pauses` clipped to [fromMs, toMs] into ordered disjoint intervals. */
export function mergePauses(pauses: readonly TimeInterval[], fromMs: number, toMs: number): { startMs: number; endMs: number }[] {
  const clipped = pauses
    .map((p) => ({ startMs: Math.max(p.startMs, fromMs), endMs: Math.min(p.endMs ?? toMs, toMs) }))
    .filter((p) => p.endMs > p.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  const merged: { startMs: number; endMs: number }[] = [];
  for (const pause of clipped) {
    const last = merged.at(-1);
    if (last && pause.startMs <= last.endMs) last.endMs = Math.max(last.endMs, pause.endMs);
    else merged.push({ ...pause });
  }
  return merged;
}

/** Business milliseconds of `pauses` within [fromMs, toMs]. */
export function pausedBusinessMs(timeline: BusinessTimeline, fromMs: number, toMs: number, pauses: readonly TimeInterval[]): number {
  return mergePauses(pauses, fromMs, toMs).reduce((sum, p) => sum + timeline.businessMsAt(p.endMs) - timeline.businessMsAt(p.startMs), 0);
}
