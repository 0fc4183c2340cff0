/** One bar group of the calibration/holdout plot: customers with the same calibration frequency. */
export interface CalibrationHoldoutRow {
  /** Calibration repeat purchases x; the last row holds every x ≥ its value. */
  frequency: number;
  /** True for the last row when it pools higher frequencies ("7+"). */
  pooled: boolean;
  customers: number;
  /** Mean repeat purchases observed in the holdout. */
  actual: number;
  /** Mean of the model's conditional expectation E[Y(holdout) | x, t_x, T]. */
  predicted: number;
}

export interface CalibrationHoldoutInput {
  /** Calibration repeat purchases per customer. */
  frequency: ArrayLike<number>;
  /** Holdout repeat purchases per customer. */
  holdoutFrequency: ArrayLike<number>;
  /** Model prediction for the holdout per customer. */
  predicted: ArrayLike<number>;
  /** Customers per row (default 1). */
  weight?: ArrayLike<number> | null;
}

/**
 * The conditional-expectation validation of Fader, Hardie & Lee (2005,
 * Marketing Science 24(2), Figure 5): mean holdout purchases, actual and
 * predicted, grouped by the number of calibration repeat purchases, with
 * frequencies from `maxFrequency` up pooled into one group.
 */
export function calibrationHoldoutByFrequency(input: CalibrationHoldoutInput, maxFrequency = 7): CalibrationHoldoutRow[] {
  const groups = maxFrequency + 1;
  const customers = new Float64Array(groups);
  const actual = new Float64Array(groups);
  const predicted = new Float64Array(groups);
  for (let i = 0; i < input.frequency.length; i++) {
    const w = input.weight ? input.weight[i]! : 1;
    const g = Math.min(Math.floor(input.frequency[i]!), maxFrequency);
    customers[g]! += w;
    actual[g]! += w * input.holdoutFrequency[i]!;
    predicted[g]! += w * input.predicted[i]!;
  }
  const rows: CalibrationHoldoutRow[] = [];
  for (let g = 0; g < groups; g++) {
    const n = customers[g]!;
    if (n === 0) continue;
    rows.push({ frequency: g, pooled: g === maxFrequency, customers: n, actual: actual[g]! / n, predicted: predicted[g]! / n });
  }
  return rows;
}
