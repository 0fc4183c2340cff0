/** Weekly case counts of one category or product, oldest week first; the last is the week tested. */
export interface WeeklySeries {
  dimension: "category" | "product";
  key: string;
  /** Counts of the trailing weeks then the tested week (length = history + 1). */
  counts: readonly number[];
}

/** A category or product whose tested week stands out against its own history. */
export interface RisingSignal {
  dimension: "category" | "product";
  key: string;
  count: number;
  /** Mean weekly count of the trailing weeks (with a half-case prior when the history is empty). */
  expected: number;
  /** (count − expected) / √expected. */
  zScore: number;
  /** Exact one-sided Poisson P(X ≥ count | expected). */
  pValue: number;
  rising: boolean;
}

export interface RisingOptions {
  /** Below this p-value a series is rising (default 0.01). */
  alpha?: number;
  /** At least this many cases in the tested week (default 3), so one or two cases never raise an alarm. */
  minCount?: number;
}

/**
 * P(X ≥ k) for X ~ Poisson(λ), summed from the upper tail itself (no
 * 1 − CDF cancellation), so small p-values keep their digits.
 */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let logFactorial = 0;
  for (let i = 2; i <= k; i++) logFactorial += Math.log(i);
  let term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial);
  if (k <= lambda) {
    // near or below the mean: the lower sum is the short one
    let lower = 0;
    let t = Math.exp(-lambda);
    for (let i = 0; i < k; i++) {
      lower += t;
      t *= lambda / (i + 1);
    }
    return Math.min(1, Math.max(0, 1 - lower));
  }
  let sum = 0;
  for (let i = k; term > sum * 1e-16 || i < k + 5; i++) {
    sum += term;
    term *= lambda / (i + 1);
    if (term === 0) break;
  }
  return Math.min(1, sum);
}

/**
 * Test each series' last week against its trailing weeks as a Poisson rate:
 * expected = mean of the history (an empty history counts as half a case
 * spread over it, so a brand-new complaint can still be tested), p = P(X ≥
 * count). Rising when p < alpha and count ≥ minCount. Sorted by p-value,
 * then by count (largest first).
 */
export function detectRising(series: readonly WeeklySeries[], options: RisingOptions = {}): RisingSignal[] {
  const alpha = options.alpha ?? 0.01;
  const minCount = options.minCount ?? 3;
  const signals = series.map((s): RisingSignal => {
    const history = s.counts.slice(0, -1);
    const count = s.counts.at(-1) ?? 0;
    const total = history.reduce((a, b) => a + b, 0);
    const expected = (total > 0 ? total : 0.5) / Math.max(1, history.length);
    const pValue = poissonUpperTail(count, expected);
    return { dimension: s.dimension, key: s.key, count, expected, zScore: (count - expected) / Math.sqrt(expected), pValue, rising: pValue < alpha && count >= minCount };
  });
  return signals.sort((a, b) => a.pValue - b.pValue || b.count - a.count);
}
