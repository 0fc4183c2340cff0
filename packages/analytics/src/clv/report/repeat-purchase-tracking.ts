/** Cumulative repeat purchases of a cohort, actual and predicted, one point per step. */
export interface RepeatPurchaseTracking {
  /** Periods since the start (the first period with a first purchase), at the end of each step. */
  period: number[];
  actual: number[];
  predicted: number[];
  /** Index into `period` of the calibration end, or −1 when there is no holdout. */
  calibrationEndIndex: number;
}

export interface RepeatPurchaseTrackingInput {
  /** Period number of each customer's first purchase (any integer origin). */
  firstPeriod: ArrayLike<number>;
  /** Period numbers of every repeat purchase (one entry per repeat purchase period of a customer). */
  repeatPeriods: ArrayLike<number>;
  /** Last period to track (inclusive). */
  endPeriod: number;
  /** Calibration end period, for the marker; omit when there is none. */
  calibrationEndPeriod?: number;
  /** E[X(t)]: the fitted model's expected repeat purchases of a new customer in (0, t]. */
  expectedPurchases: (t: number) => number;
  /** Points every `step` periods (e.g. 7 for weeks of days); default 1. */
  step?: number;
}

/**
 * The tracking plot of Fader, Hardie & Lee (2005, Figure 3): cumulative
 * repeat purchases of the cohort period by period, actual against the model's
 * Σ_customers E[X(t − first purchase period)], which a good fit follows
 * through the calibration period and on into the holdout. Customers with the
 * same first period are evaluated once.
 */
export function repeatPurchaseTracking(input: RepeatPurchaseTrackingInput): RepeatPurchaseTracking {
  const step = input.step ?? 1;
  let start = Number.POSITIVE_INFINITY;
  for (let i = 0; i < input.firstPeriod.length; i++) start = Math.min(start, input.firstPeriod[i]!);
  if (!Number.isFinite(start)) return { period: [], actual: [], predicted: [], calibrationEndIndex: -1 };
  const length = input.endPeriod - start + 1;
  const births = new Float64Array(length);
  for (let i = 0; i < input.firstPeriod.length; i++) births[input.firstPeriod[i]! - start]! += 1;
  const repeats = new Float64Array(length);
  for (let i = 0; i < input.repeatPeriods.length; i++) {
    const k = input.repeatPeriods[i]! - start;
    if (k >= 0 && k < length) repeats[k]! += 1;
  }
  const birthPeriods: number[] = [];
  for (let k = 0; k < length; k++) if (births[k]! > 0) birthPeriods.push(k);
  const expected = new Float64Array(length); // E[X(t)] for t = 0..length−1, on demand
  const known = new Uint8Array(length);
  const e = (t: number): number => {
    if (!known[t]) {
      expected[t] = t === 0 ? 0 : input.expectedPurchases(t);
      known[t] = 1;
    }
    return expected[t]!;
  };
  const period: number[] = [], actual: number[] = [], predicted: number[] = [];
  let cumulative = 0;
  let calibrationEndIndex = -1;
  for (let k = 0; k < length; k++) {
    cumulative += repeats[k]!;
    const last = k === length - 1;
    if ((k + 1) % step !== 0 && !last) continue;
    let p = 0;
    for (const b of birthPeriods) {
      if (b > k) break;
      p += births[b]! * e(k - b);
    }
    if (input.calibrationEndPeriod !== undefined && calibrationEndIndex < 0 && k >= input.calibrationEndPeriod - start) calibrationEndIndex = period.length;
    period.push(k + 1);
    actual.push(cumulative);
    predicted.push(p);
  }
  return { period, actual, predicted, calibrationEndIndex };
}
