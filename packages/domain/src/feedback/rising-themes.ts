/** Settings of the rising-theme test (docs/satisfaction.md). */
export interface RisingTestOptions {
  /** Weeks of history the tested week is compared with (the mean of up to this many weeks before it). */
  historyWeeks: number;
  /** Fewest weeks of history needed to test at all. */
  minHistoryWeeks: number;
  /** A theme is not rising below this many items in the tested week. */
  minCount: number;
  /** One-sided significance level. */
  alpha: number;
  /** Floor of the baseline, so a theme new this week is compared with a small rate, not zero. */
  minBaseline: number;
}

export const defaultRisingTest: RisingTestOptions = { historyWeeks: 8, minHistoryWeeks: 4, minCount: 5, alpha: 0.01, minBaseline: 0.5 };

export interface RisingVerdict {
  rising: boolean;
  /** The trailing mean the tested week is compared with (null without enough history). */
  baseline: number | null;
  /** P(X ≥ count) for X ~ Poisson(baseline); null without enough history. */
  pValue: number | null;
}

/** P(X ≥ k) for X ~ Poisson(λ), each term from its logarithm so a large λ does not underflow. */
export function poissonAtLeast(k: number, lambda: number): number {
  if (k <= 0) return 1;
  let logTerm = -lambda;
  let below = Math.exp(logTerm);
  for (let i = 1; i < k; i++) {
    logTerm += Math.log(lambda) - Math.log(i);
    below += Math.exp(logTerm);
  }
  return Math.max(0, 1 - below);
}

/**
 * Is the last count of a weekly series significantly above the theme's own
 * history? Baseline λ = mean of the up to `historyWeeks` counts before it
 * (at least `minHistoryWeeks` of them, floored at `minBaseline`); the week
 * is rising when its count c ≥ `minCount`, c > λ and P(X ≥ c | Poisson(λ))
 * < `alpha`.
 */
export function risingVerdict(counts: readonly number[], options: RisingTestOptions = defaultRisingTest): RisingVerdict {
  const count = counts[counts.length - 1] ?? 0;
  const history = counts.slice(Math.max(0, counts.length - 1 - options.historyWeeks), counts.length - 1);
  if (history.length < options.minHistoryWeeks) return { rising: false, baseline: null, pValue: null };
  const baseline = Math.max(history.reduce((a, b) => a + b, 0) / history.length, options.minBaseline);
  const pValue = poissonAtLeast(count, baseline);
  return { rising: count >= options.minCount && count > baseline && pValue < options.alpha, baseline, pValue };
}
