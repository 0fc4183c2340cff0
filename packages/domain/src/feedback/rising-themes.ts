import { poissonUpperTail } from "../cases/known-problem-rising.ts";

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
  const pValue = poissonUpperTail(count, baseline);
  return { rising: count >= options.minCount && count > baseline && pValue < options.alpha, baseline, pValue };
}
