import { periodOf } from "@tenure/analytics";
import type { ClvData } from "./clv-data.ts";

/** First purchase period per customer and every repeat purchase period, for the tracking plot. */
export interface TrackingInput {
  firstPeriod: Int32Array;
  repeatPeriods: Int32Array;
  endPeriod: number;
  calibrationEndPeriod: number | undefined;
}

/**
 * From the transaction lines: each customer's purchase periods (lines with a
 * value > 0, same-period lines merged, as summarizeTransactions counts them),
 * keeping customers whose first purchase is by the calibration end; their
 * later purchase periods are the repeat purchases. Null for summary input.
 */
export function trackingInput(data: ClvData): TrackingInput | null {
  const lines = data.transactions;
  if (!lines || data.unit === "period") return null;
  const unit = data.unit;
  const n = lines.times.length;
  const index = new Map<string, number>();
  const customer = new Int32Array(n);
  const period = new Int32Array(n);
  let kept = 0, minPeriod = Number.POSITIVE_INFINITY, maxPeriod = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (!(lines.values[i]! > 0)) continue;
    const id = lines.customerIds[i]!;
    let c = index.get(id);
    if (c === undefined) index.set(id, (c = index.size));
    const p = periodOf(lines.times[i]!, unit);
    customer[kept] = c;
    period[kept] = p;
    kept++;
    minPeriod = Math.min(minPeriod, p);
    maxPeriod = Math.max(maxPeriod, p);
  }
  const endPeriod = lines.observationEnd ? periodOf(lines.observationEnd, unit) : maxPeriod;
  const calibrationEndPeriod = lines.calibrationEnd ? periodOf(lines.calibrationEnd, unit) : undefined;
  const cohortEnd = calibrationEndPeriod ?? endPeriod;
  // Sort (customer, period) pairs as one number; periods span far less than 2^24.
  const keys = new Float64Array(kept);
  for (let k = 0; k < kept; k++) keys[k] = customer[k]! * 16_777_216 + (period[k]! - minPeriod);
  keys.sort();
  const first: number[] = [];
  const repeats: number[] = [];
  let current = -1, born = false, previous = Number.NaN;
  for (let k = 0; k < kept; k++) {
    const key = keys[k]!;
    if (key === previous) continue;
    previous = key;
    const c = Math.floor(key / 16_777_216);
    const p = key - c * 16_777_216 + minPeriod;
    if (c !== current) {
      current = c;
      born = p <= cohortEnd;
      if (born) first.push(p);
    } else if (born && p <= endPeriod) {
      repeats.push(p);
    }
  }
  return { firstPeriod: Int32Array.from(first), repeatPeriods: Int32Array.from(repeats), endPeriod, calibrationEndPeriod };
}
