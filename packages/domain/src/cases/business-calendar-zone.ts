/**
 * Wall-clock time in an IANA time zone, with Intl only (Node 20 ships full
 * ICU; no Temporal, no library). Offsets come from Intl.DateTimeFormat and
 * are cached per zone and instant-second.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at the instant `ms`, in milliseconds (Berlin in winter: +3 600 000). */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const parts = formatterFor(timeZone).formatToParts(new Date(whole));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return local - whole;
}

const dayMs = 86_400_000;

/**
 * The instant of a local wall time in `timeZone`; `localMs` is that wall time
 * written as if it were UTC (Date.UTC(y, m, d, h, min)). Ambiguous times (the
 * repeated hour when clocks go back) take the earlier instant; times that do
 * not exist (the hour skipped when clocks go forward) move forward by the gap,
 * as Temporal's "compatible" disambiguation does.
 */
export function zonedWallTimeToInstant(timeZone: string, localMs: number): number {
  const before = zoneOffsetMs(timeZone, localMs - dayMs);
  const after = zoneOffsetMs(timeZone, localMs + dayMs);
  const valid = [before, after].map((offset) => localMs - offset).filter((instant) => localMs - zoneOffsetMs(timeZone, instant) === instant);
  if (valid.length > 0) return Math.min(...valid);
  return localMs - before;
}

/** The local calendar date (as Date.UTC of its midnight) of the instant `ms` in `timeZone`. */
export function localDateOf(timeZone: string, ms: number): number {
  const local = ms + zoneOffsetMs(timeZone, ms);
  return Math.floor(local / dayMs) * dayMs;
}
