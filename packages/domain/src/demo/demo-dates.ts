import type { IsoDate } from "./demo-dataset.ts";

export const DAY_MS = 86_400_000;

/** `at` plus `days` (fractional allowed). */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** `at` plus whole calendar months, in UTC. */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** The UTC calendar date of `at`, "YYYY-MM-DD". */
export function isoDate(at: Date): IsoDate {
  return at.toISOString().slice(0, 10);
}

/** Midnight UTC of an ISO date. */
export function fromIsoDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
