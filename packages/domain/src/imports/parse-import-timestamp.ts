// ISO 8601 ("2011-12-09T12:50:00Z", "2011-12-09 12:50", "2011-12-09") or
// US month-first "M/D/YYYY H:MM" (the UCI Online Retail export). A value
// without an offset is a wall-clock time in `timeZone`.
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const usPattern = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes `timeZone` is ahead of UTC at the instant `utcMs`. */
function offsetMinutes(timeZone: string, utcMs: number): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(utcMs))) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

let lastText = "";
let lastZone = "";
let lastResult: string | null = null;

/**
 * Parse an import timestamp into a UTC ISO string ("2010-12-01T08:26:00.000Z"),
 * or null when the text is not a valid date. Pure; the last answer is cached
 * because files repeat the same timestamp on consecutive lines.
 */
export function parseImportTimestamp(text: string, timeZone = "UTC"): string | null {
  if (text === lastText && timeZone === lastZone) return lastResult;
  const result = parse(text.trim(), timeZone);
  lastText = text;
  lastZone = timeZone;
  lastResult = result;
  return result;
}

function parse(text: string, timeZone: string): string | null {
  let year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millis = 0;
  let offset: string | undefined;
  const iso = isoPattern.exec(text);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
    if (iso[4] !== undefined) {
      hour = Number(iso[4]);
      minute = Number(iso[5]);
      second = iso[6] === undefined ? 0 : Number(iso[6]);
      millis = iso[7] === undefined ? 0 : Math.floor(Number(`0.${iso[7]}`) * 1000);
    }
    offset = iso[8];
  } else {
    const us = usPattern.exec(text);
    if (!us) return null;
    month = Number(us[1]);
    day = Number(us[2]);
    year = Number(us[3]);
    if (us[4] !== undefined) {
      hour = Number(us[4]);
      minute = Number(us[5]);
      second = us[6] === undefined ? 0 : Number(us[6]);
    }
  }
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  let utc: number;
  if (offset !== undefined) {
    utc = wall - offsetOf(offset) * 60_000;
  } else if (timeZone === "UTC") {
    utc = wall;
  } else {
    // The offset at the wall time read as UTC is right except near a DST
    // change; one correction step settles it.
    const first = offsetMinutes(timeZone, wall);
    utc = wall - first * 60_000;
    const second = offsetMinutes(timeZone, utc);
    if (second !== first) utc = wall - second * 60_000;
  }
  return new Date(utc).toISOString();
}

function offsetOf(text: string): number {
  if (text === "Z" || text === "z") return 0;
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
}
