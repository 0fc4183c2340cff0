import { isValidTimeZone } from "./business-calendar-zone.ts";

/** Days of the week, Monday first (ISO 8601 order). */
export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

/** One stretch of working time in a day, local wall time `HH:MM`; `end` may be `24:00`. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/**
 * When a team works: periods per weekday in a time zone, and holidays (local
 * dates `YYYY-MM-DD`) on which nobody works. A null `timeZone` means "the
 * zone of the team whose case it is" (teams.time_zone), so one calendar can
 * serve teams in several zones.
 */
export interface BusinessCalendar {
  workspaceId: string;
  id: string;
  name: string;
  timeZone: string | null;
  /** The calendar of this team's cases; null: the workspace default (if `isDefault`) or unassigned. */
  teamId: string | null;
  isDefault: boolean;
  hours: Record<Weekday, WorkingPeriod[]>;
  holidays: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** What the SLA clocks need of a calendar: its hours and holidays in one resolved zone. */
export interface WorkingTime {
  timeZone: string;
  hours: Record<Weekday, WorkingPeriod[]>;
  holidays: readonly string[];
}

/** Around the clock in UTC: used when a case has no calendar at all. */
export const alwaysWorking: WorkingTime = {
  timeZone: "UTC",
  hours: Object.fromEntries(weekdays.map((day) => [day, [{ start: "00:00", end: "24:00" }]])) as Record<Weekday, WorkingPeriod[]>,
  holidays: [],
};

/** A field error of a calendar: which field and what is wrong. */
export interface CalendarFieldError {
  field: string;
  message: string;
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight of an `HH:MM` time (`24:00` → 1440). */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function isRealDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Every problem of a calendar's zone, hours and holidays, each naming its
 * field (`hours.mon.0.end`); empty when it is valid. Periods of a day must be
 * ordered and must not overlap; a week with no working time at all is refused
 * (a clock on it would never run).
 */
export function validateWorkingTime(input: { timeZone: string | null; hours: Record<Weekday, WorkingPeriod[]>; holidays: readonly string[] }): CalendarFieldError[] {
  const errors: CalendarFieldError[] = [];
  if (input.timeZone !== null && !isValidTimeZone(input.timeZone)) errors.push({ field: "time_zone", message: `Unknown time zone "${input.timeZone}"; use an IANA name such as Europe/Berlin.` });
  let anyWork = false;
  for (const day of weekdays) {
    let previousEnd = -1;
    (input.hours[day] ?? []).forEach((period, index) => {
      const field = `hours.${day}.${index}`;
      if (!timePattern.test(period.start) || period.start === "24:00") errors.push({ field: `${field}.start`, message: "Start must be a time HH:MM between 00:00 and 23:59." });
      else if (!timePattern.test(period.end)) errors.push({ field: `${field}.end`, message: "End must be a time HH:MM between 00:01 and 24:00." });
      else {
        const start = minutesOfDay(period.start);
        const end = minutesOfDay(period.end);
        if (end <= start) errors.push({ field: `${field}.end`, message: "End must be after start." });
        else if (start < previousEnd) errors.push({ field: `${field}.start`, message: "Periods of a day must be in order and must not overlap." });
        else {
          anyWork = true;
          previousEnd = end;
        }
      }
    });
  }
  if (!anyWork && errors.length === 0) errors.push({ field: "hours", message: "The week has no working time; add at least one period." });
  input.holidays.forEach((holiday, index) => {
    if (!isRealDate(holiday)) errors.push({ field: `holidays.${index}`, message: `"${holiday}" is not a date YYYY-MM-DD.` });
  });
  return errors;
}
