import { compressSummaryRows } from "@tenure/analytics";

/** Distinct rows of three columns with the customers (weights) of the input rows that share them. */
export interface WeightedRows {
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  weight: Float64Array;
  /** Σ weight: customers represented. */
  customers: number;
}

/**
 * Keep the rows where `keep(i)` holds and merge identical (a, b, c) rows,
 * adding up their input weights (1 each without a weight column), so a fit
 * costs per distinct row. Uses the analytics package's compressSummaryRows
 * for the grouping; the weight sums are the thin part added here, since it
 * counts rows rather than summing given weights.
 */
export function compressWeightedRows(
  a: Float64Array, b: Float64Array, c: Float64Array, weight: Float64Array | null, keep: (i: number) => boolean,
): WeightedRows {
  const n = a.length;
  const picked: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i) && (weight === null || weight[i]! > 0)) picked.push(i);
  const take = (values: Float64Array): Float64Array => Float64Array.from(picked, (i) => values[i]!);
  const rows = compressSummaryRows(take(a), take(b), take(c));
  const summed = new Float64Array(rows.x.length);
  let customers = 0;
  for (let k = 0; k < picked.length; k++) {
    const w = weight === null ? 1 : weight[picked[k]!]!;
    summed[rows.rowOf[k]!]! += w;
    customers += w;
  }
  return { a: rows.x, b: rows.tx, c: rows.T, weight: summed, customers };
}
