import { describe, expect, it } from "vitest";
import { validateWorkingTime, weekdays, type WorkingPeriod, type WorkingTime, type Weekday } from "./business-calendar.ts";
import { addBusinessMinutes, businessMinutesBetween } from "./business-calendar-timeline.ts";
import { zonedWallTimeToInstant, zoneOffsetMs } from "./business-calendar-zone.ts";

const nineToFive: WorkingPeriod[] = [{ start: "09:00", end: "17:00" }];
function officeHours(timeZone: string, holidays: string[] = []): WorkingTime {
  const hours = Object.fromEntries(weekdays.map((day) => [day, day === "sat" || day === "sun" ? [] : nineToFive])) as Record<Weekday, WorkingPeriod[]>;
  return { timeZone, hours, holidays };
}
const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

describe("zoned wall time", () => {
  it("knows Berlin's winter and summer offsets", () => {
    expect(zoneOffsetMs("Europe/Berlin", at("2026-01-15T12:00:00Z"))).toBe(3_600_000);
    expect(zoneOffsetMs("Europe/Berlin", at("2026-07-15T12:00:00Z"))).toBe(7_200_000);
  });

  it("moves a time in the skipped hour forward and takes the earlier of a repeated hour", () => {
    // 2026-03-29 02:30 does not exist in Berlin (02:00 → 03:00): it becomes 03:30 CEST = 01:30Z
    expect(iso(zonedWallTimeToInstant("Europe/Berlin", Date.UTC(2026, 2, 29, 2, 30)))).toBe("2026-03-29T01:30:00.000Z");
    // 2026-10-25 02:30 happens twice; the first is still CEST (+2) = 00:30Z
    expect(iso(zonedWallTimeToInstant("Europe/Berlin", Date.UTC(2026, 9, 25, 2, 30)))).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("addBusinessMinutes", () => {
  const berlin = officeHours("Europe/Berlin");

  it("counts within one working day", () => {
    // Wed 2026-01-14 10:00 Berlin = 09:00Z; +120 min = 12:00 local
    expect(iso(addBusinessMinutes(berlin, at("2026-01-14T09:00:00Z"), 120))).toBe("2026-01-14T11:00:00.000Z");
  });

  it("carries over the night and the weekend", () => {
    // Fri 2026-01-16 16:00 local (15:00Z) + 120 min: 60 on Friday, 60 on Monday from 09:00 → Mon 10:00 local
    expect(iso(addBusinessMinutes(berlin, at("2026-01-16T15:00:00Z"), 120))).toBe("2026-01-19T09:00:00.000Z");
  });

  it("starts counting at the next opening when started outside hours", () => {
    // Sat 2026-01-17 any time + 30 min → Mon 09:30 local
    expect(iso(addBusinessMinutes(berlin, at("2026-01-17T12:00:00Z"), 30))).toBe("2026-01-19T08:30:00.000Z");
  });

  it("skips holidays", () => {
    const withHoliday = officeHours("Europe/Berlin", ["2026-01-19"]);
    expect(iso(addBusinessMinutes(withHoliday, at("2026-01-16T15:00:00Z"), 120))).toBe("2026-01-20T09:00:00.000Z");
  });

  it("keeps local working hours across the spring DST change", () => {
    // Fri 2026-03-27 16:00 CET (15:00Z) + 120: Friday 60 min, Monday 2026-03-30 is CEST → 10:00 local = 08:00Z
    expect(iso(addBusinessMinutes(berlin, at("2026-03-27T15:00:00Z"), 120))).toBe("2026-03-30T08:00:00.000Z");
  });

  it("keeps local working hours across the autumn DST change in New York", () => {
    const newYork = officeHours("America/New_York");
    // Fri 2026-10-30 16:00 EDT (20:00Z) + 120 → Mon 2026-11-02 10:00 EST = 15:00Z
    expect(iso(addBusinessMinutes(newYork, at("2026-10-30T20:00:00Z"), 120))).toBe("2026-11-02T15:00:00.000Z");
  });

  it("counts a night shift that spans the DST change by real elapsed time", () => {
    const night: WorkingTime = { ...officeHours("Europe/Berlin"), hours: { ...officeHours("Europe/Berlin").hours, sun: [{ start: "00:00", end: "06:00" }] } };
    // Sun 2026-03-29 00:00–06:00 local is only 5 real hours (02:00 is skipped)
    expect(businessMinutesBetween(night, at("2026-03-28T22:00:00Z"), at("2026-03-29T05:00:00Z"))).toBe(300);
  });

  it("returns the start for zero minutes", () => {
    expect(addBusinessMinutes(berlin, at("2026-01-17T12:00:00Z"), 0)).toBe(at("2026-01-17T12:00:00Z"));
  });
});

describe("businessMinutesBetween", () => {
  const tokyo = officeHours("Asia/Tokyo", ["2026-01-12"]);

  it("counts only working time and skips holidays", () => {
    // Fri 2026-01-09 15:00 JST (06:00Z) → Tue 2026-01-13 10:00 JST (01:00Z); Monday the 12th is a holiday
    expect(businessMinutesBetween(tokyo, at("2026-01-09T06:00:00Z"), at("2026-01-13T01:00:00Z"))).toBe(120 + 60);
  });

  it("leaves out pauses, even overlapping and open ones", () => {
    const from = at("2026-01-13T00:00:00Z"); // Tue 09:00 JST
    const to = at("2026-01-13T08:00:00Z"); // Tue 17:00 JST
    const pauses = [
      { startMs: at("2026-01-13T01:00:00Z"), endMs: at("2026-01-13T02:00:00Z") },
      { startMs: at("2026-01-13T01:30:00Z"), endMs: at("2026-01-13T02:30:00Z") },
      { startMs: at("2026-01-13T07:00:00Z"), endMs: null },
    ];
    expect(businessMinutesBetween(tokyo, from, to, pauses)).toBe(480 - 90 - 60);
  });

  it("is zero when the end is not after the start", () => {
    expect(businessMinutesBetween(tokyo, at("2026-01-13T02:00:00Z"), at("2026-01-13T01:00:00Z"))).toBe(0);
  });
});

describe("validateWorkingTime", () => {
  it("names every wrong field", () => {
    const hours = { ...officeHours("UTC").hours, mon: [{ start: "10:00", end: "09:00" }], tue: [{ start: "9am", end: "17:00" }], wed: [{ start: "09:00", end: "13:00" }, { start: "12:00", end: "17:00" }] };
    const errors = validateWorkingTime({ timeZone: "Mars/Olympus", hours, holidays: ["2026-02-30"] });
    expect(errors.map((e) => e.field)).toEqual(["time_zone", "hours.mon.0.end", "hours.tue.0.start", "hours.wed.1.start", "holidays.0"]);
  });

  it("refuses a week without working time and accepts a normal one", () => {
    const empty = Object.fromEntries(weekdays.map((d) => [d, []])) as unknown as Record<Weekday, WorkingPeriod[]>;
    expect(validateWorkingTime({ timeZone: null, hours: empty, holidays: [] }).map((e) => e.field)).toEqual(["hours"]);
    expect(validateWorkingTime({ ...officeHours("Asia/Tokyo"), holidays: ["2026-01-01"] })).toEqual([]);
  });
});
