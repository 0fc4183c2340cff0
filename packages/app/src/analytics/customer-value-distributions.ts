/** A histogram for a chart: bin edges, counts, and the quantiles a tooltip shows. */
export interface Distribution {
  /** bins + 1 ascending edges; bin k is [edges[k], edges[k+1]) (the last one closed). */
  edges: number[];
  counts: number[];
  /** Values above the last edge (a long right tail cut at the 99th percentile). */
  above: number;
  /** Values that were not numbers (unknown CLV). */
  missing: number;
  quantiles: { p10: number; p50: number; p90: number; p99: number };
  mean: number;
}

/**
 * Equal-width histogram of `values` from `min` (default: the smallest value)
 * to `max` (default: the 99th percentile, so one huge customer does not squash
 * the chart), NaN values counted apart. The customer-value distributions of
 * the fit report (P(alive) on [0, 1], CLV), which clv/report does not cover.
 */
export function distribution(values: Float64Array, bins: number, range: { min?: number; max?: number } = {}): Distribution {
  const known = values.filter((v) => Number.isFinite(v)).sort();
  const missing = values.length - known.length;
  const q = (p: number): number => (known.length === 0 ? Number.NaN : known[Math.min(known.length - 1, Math.floor(p * known.length))]!);
  const quantiles = { p10: q(0.1), p50: q(0.5), p90: q(0.9), p99: q(0.99) };
  let total = 0;
  for (const v of known) total += v;
  const min = range.min ?? (known.length > 0 ? known[0]! : 0);
  let max = range.max ?? quantiles.p99;
  if (!(max > min)) max = min + 1;
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  let above = 0;
  for (const v of known) {
    if (v > max) above++;
    else counts[Math.min(bins - 1, Math.max(0, Math.floor((v - min) / width)))]!++;
  }
  return {
    edges: Array.from({ length: bins + 1 }, (_, k) => min + k * width),
    counts,
    above,
    missing,
    quantiles,
    mean: known.length > 0 ? total / known.length : Number.NaN,
  };
}
