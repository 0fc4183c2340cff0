import type { BuyTillYouDieModel } from "@tenure/analytics";

export interface ValueHistoryPoint {
  /** "2025-03": the month's end is the moment the model is evaluated at. */
  month: string;
  /** Completed orders in the month. */
  purchases: number;
  /** Repeat purchase periods so far (frequency x). */
  repeatPurchases: number;
  /** What the model expects of a new customer of the same age, E[X(T)]. */
  expectedRepeatPurchases: number;
  /** P(alive | x, tx, T) at the month's end. */
  pAlive: number;
}

export interface ValueForecastPoint {
  month: string;
  /** Repeat purchases so far plus E[Y(t) | x, tx, T]. */
  expectedRepeatPurchases: number;
}

export interface ValueHistory {
  periodUnit: "day" | "week";
  points: ValueHistoryPoint[];
  forecast: ValueForecastPoint[];
}

const dayMs = 86_400_000;
const maxMonths = 60;
const forecastMonths = 12;

/** The UTC day (or Monday-to-Sunday week) number of a moment, as the summaries count them. */
export function periodOf(time: Date, unit: "day" | "week"): number {
  const day = Math.floor(time.getTime() / dayMs);
  // 1970-01-01 was a Thursday: shifting by 3 days starts weeks on Mondays.
  return unit === "day" ? day : Math.floor((day + 3) / 7);
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month + 1).padStart(2, "0")}`;
}

/**
 * A customer's purchase history month by month and what the fitted model
 * made of it: P(alive) at each month's end (from the purchases up to then),
 * the repeat purchases a new customer of that age would have made, and the
 * expected repeat purchases over the next 12 months. Pure: the caller
 * passes the completed purchase times (oldest first), the fitted model and
 * its parameters, and the observation end.
 */
export function valueHistory(
  purchaseTimes: readonly Date[],
  model: BuyTillYouDieModel<string>,
  params: Readonly<Record<string, number>>,
  unit: "day" | "week",
  observationEnd: Date,
): ValueHistory | null {
  const first = purchaseTimes[0];
  if (!first) return null;
  const firstPeriod = periodOf(first, unit);
  const endYear = observationEnd.getUTCFullYear();
  const endMonth = observationEnd.getUTCMonth();
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  const totalMonths = (endYear - year) * 12 + (endMonth - month) + 1;
  if (totalMonths > maxMonths) {
    const skip = totalMonths - maxMonths;
    year += Math.floor((month + skip) / 12);
    month = (month + skip) % 12;
  }
  const points: ValueHistoryPoint[] = [];
  let index = 0;
  const periods = new Set<number>();
  let lastPeriod = firstPeriod;
  const take = (until: Date) => {
    let count = 0;
    while (index < purchaseTimes.length && (purchaseTimes[index] as Date) < until) {
      const period = periodOf(purchaseTimes[index] as Date, unit);
      periods.add(period);
      if (period > lastPeriod) lastPeriod = period;
      index++;
      count++;
    }
    return count;
  };
  // Purchases before the first month shown still count in x and tx.
  take(new Date(Date.UTC(year, month, 1)));
  while (year < endYear || (year === endYear && month <= endMonth)) {
    const next = new Date(Date.UTC(year, month + 1, 1));
    const monthEnd = next < observationEnd ? new Date(next.getTime() - 1) : observationEnd;
    const purchases = take(next > observationEnd ? new Date(observationEnd.getTime() + 1) : next);
    const x = Math.max(0, periods.size - 1);
    const tx = lastPeriod - firstPeriod;
    const T = Math.max(tx, periodOf(monthEnd, unit) - firstPeriod);
    points.push({
      month: monthKey(year, month),
      purchases,
      repeatPurchases: x,
      expectedRepeatPurchases: model.expectedPurchases(params, T),
      pAlive: model.probabilityAlive(params, x, tx, T),
    });
    year += Math.floor((month + 1) / 12);
    month = (month + 1) % 12;
  }
  const x = Math.max(0, periods.size - 1);
  const tx = lastPeriod - firstPeriod;
  const T = Math.max(tx, periodOf(observationEnd, unit) - firstPeriod);
  const perMonth = unit === "day" ? 365.25 / 12 : 365.25 / 12 / 7;
  const forecast: ValueForecastPoint[] = [];
  for (let k = 1; k <= forecastMonths; k++) {
    forecast.push({
      month: monthKey(endYear + Math.floor((endMonth + k) / 12), (endMonth + k) % 12),
      expectedRepeatPurchases: x + model.conditionalExpectedPurchases(params, k * perMonth, x, tx, T),
    });
  }
  return { periodUnit: unit, points, forecast };
}
