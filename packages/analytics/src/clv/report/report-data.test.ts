import { describe, expect, it } from "vitest";
import { calibrationHoldoutByFrequency } from "./calibration-holdout-by-frequency.ts";
import { frequencyRecencyMatrix } from "./frequency-recency-matrix.ts";
import { repeatPurchaseTotals } from "./repeat-purchase-totals.ts";
import { repeatPurchaseTracking } from "./repeat-purchase-tracking.ts";
import { retentionByPeriod } from "./retention-by-period.ts";

describe("CLV diagnostics data", () => {
  it("groups holdout purchases by calibration frequency, pooling the top group, with weights", () => {
    const rows = calibrationHoldoutByFrequency(
      { frequency: [0, 0, 1, 3, 9], holdoutFrequency: [0, 2, 1, 4, 6], predicted: [0.5, 0.5, 1, 3, 7], weight: [1, 1, 2, 1, 1] },
      3,
    );
    expect(rows).toEqual([
      { frequency: 0, pooled: false, customers: 2, actual: 1, predicted: 0.5 },
      { frequency: 1, pooled: false, customers: 2, actual: 1, predicted: 1 },
      { frequency: 3, pooled: true, customers: 2, actual: 5, predicted: 5 },
    ]);
  });

  it("tracks cumulative repeat purchases against Σ E[X(t − birth)] per cohort", () => {
    // Two customers born in periods 10 and 11, E[X(t)] = t / 2.
    const tracking = repeatPurchaseTracking({ firstPeriod: [10, 11], repeatPeriods: [11, 12, 12], endPeriod: 13, calibrationEndPeriod: 12, expectedPurchases: (t) => t / 2 });
    expect(tracking.period).toEqual([1, 2, 3, 4]);
    expect(tracking.actual).toEqual([0, 1, 3, 3]);
    expect(tracking.predicted).toEqual([0, 0.5, 1.5, 2.5]);
    expect(tracking.calibrationEndIndex).toBe(2);
  });

  it("fills the frequency/recency grid, leaving impossible cells empty", () => {
    const grid = frequencyRecencyMatrix((x, tx, T) => x + tx / T, { maxFrequency: 2, T: 4, discrete: true });
    expect(grid.recencies).toEqual([0, 1, 2, 3, 4]);
    expect(grid.values[0]).toEqual([0, NaN, NaN, NaN, NaN]);
    expect(grid.values[2]).toEqual([NaN, NaN, 2.5, 2.75, 3]);
  });

  it("totals repeat purchases, actual and predicted, evaluating each age once", () => {
    const ages: number[] = [];
    const totals = repeatPurchaseTotals({ frequency: [1, 2, 0], T: [10, 10, 5], weight: [2, 1, 1] }, (t) => (ages.push(t), t / 10));
    expect(totals).toEqual({ actual: 4, predicted: 3 * 1 + 0.5 });
    expect(ages).toEqual([10, 5]);
  });

  it("measures the share still active after each period among customers observed that long", () => {
    // Churn periods 1, 2 and two still active at T = 3.
    const points = retentionByPeriod({ recency: [1, 2, 3, 3], T: [3, 3, 3, 3] }, (t) => 1 - t / 4);
    expect(points.map((p) => [p.period, p.actual, p.predicted])).toEqual([[0, 1, 1], [1, 0.75, 0.75], [2, 0.5, 0.5]]);
  });
});
