import type { FitOptions, FitResult, LikelihoodModel } from "./fit-model.ts";
import { compressSummaryRows, validateSummaryRows, type SummaryRows } from "./compress-rows.ts";

/** Customer summaries to score, one entry per customer (typed arrays or plain arrays). */
export interface CustomerSummaries {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** Output buffers for scoring, one entry per customer; filled in place. */
export interface ScoreOutput {
  /** P(alive | x, tx, T) at the end of the observation period. */
  probabilityAlive: Float64Array;
  /** Expected repeat transactions in (T, T + horizon]. */
  expectedPurchases: Float64Array;
}

/**
 * The common surface of the continuous-time, non-contractual
 * "buy till you die" models (Pareto/NBD, BG/NBD, MBG/NBD): a likelihood for
 * the shared fitter and the standard predictions of Fader, Hardie & Lee
 * (2005) and Schmittlein, Morrison & Colombo (1987).
 */
export interface BuyTillYouDieModel<Name extends string> {
  readonly paramNames: readonly Name[];
  /** The weighted log-likelihood over summary rows, with analytic gradient. */
  likelihood(rows: SummaryRows): LikelihoodModel<Name>;
  /** Maximum-likelihood fit over (ideally compressed) summary rows. */
  fit(rows: SummaryRows, options?: FitOptions): FitResult<Name>;
  /** E[X(t)]: expected repeat transactions in (0, t] of a new customer. */
  expectedPurchases(params: Readonly<Record<Name, number>>, t: number): number;
  /** E[Y(t) | x, tx, T]: expected repeat transactions in (T, T + t]. */
  conditionalExpectedPurchases(params: Readonly<Record<Name, number>>, t: number, x: number, tx: number, T: number): number;
  /** P(alive at T | x, tx, T). */
  probabilityAlive(params: Readonly<Record<Name, number>>, x: number, tx: number, T: number): number;
  /** P(X(t) = n) for a new customer. */
  probabilityOfPurchases(params: Readonly<Record<Name, number>>, t: number, n: number): number;
  /**
   * Score many customers: P(alive) and expected purchases over `horizon`,
   * written into `out`. Identical summaries are scored once.
   */
  score(params: Readonly<Record<Name, number>>, customers: CustomerSummaries, horizon: number, out: ScoreOutput): void;
}

/**
 * Score customers through their unique summary rows: compress, call
 * `scoreRow` once per distinct (x, tx, T), and scatter the results back.
 * `scoreRow` writes [P(alive), expected purchases] into its `result` argument.
 */
export function scoreUniqueRows(
  customers: CustomerSummaries,
  out: ScoreOutput,
  scoreRow: (x: number, tx: number, T: number, result: Float64Array) => void,
): void {
  const n = customers.x.length;
  if (out.probabilityAlive.length < n || out.expectedPurchases.length < n) {
    throw new RangeError(`score output buffers hold fewer than ${n} entries`);
  }
  const rows = compressSummaryRows(customers.x, customers.tx, customers.T);
  const m = rows.x.length;
  const alive = new Float64Array(m);
  const expected = new Float64Array(m);
  const result = new Float64Array(2);
  for (let j = 0; j < m; j++) {
    scoreRow(rows.x[j]!, rows.tx[j]!, rows.T[j]!, result);
    alive[j] = result[0]!;
    expected[j] = result[1]!;
  }
  const rowOf = rows.rowOf;
  for (let i = 0; i < n; i++) {
    const j = rowOf[i]!;
    out.probabilityAlive[i] = alive[j]!;
    out.expectedPurchases[i] = expected[j]!;
  }
}

/** Summary rows grouped by frequency, for terms that depend on x alone. */
export interface FrequencyGroups {
  /** The distinct frequencies, in first-seen order. */
  values: Float64Array;
  /** index[i] = group of row i. */
  index: Uint32Array;
  /** Total weight of each group. */
  weight: Float64Array;
  /** Total weight of all rows. */
  totalWeight: number;
}

/**
 * Validate summary rows and group them by distinct frequency x, so a
 * likelihood evaluates ln Γ(r + x) and its kin once per distinct x.
 */
export function frequencyGroups(rows: SummaryRows): FrequencyGroups {
  validateSummaryRows(rows);
  const map = new Map<number, number>();
  const index = new Uint32Array(rows.x.length);
  const values: number[] = [];
  const weights: number[] = [];
  let totalWeight = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const v = rows.x[i]!;
    let j = map.get(v);
    if (j === undefined) {
      j = values.length;
      values.push(v);
      weights.push(0);
      map.set(v, j);
    }
    index[i] = j;
    weights[j]! += rows.weight[i]!;
    totalWeight += rows.weight[i]!;
  }
  return { values: Float64Array.from(values), index, weight: Float64Array.from(weights), totalWeight };
}

/** −expm1(c·L)/c, i.e. (1 − e^{cL})/c, with its limit −L at c = 0. */
export function oneMinusExpOver(c: number, L: number): number {
  return Math.abs(c * L) < 1e-12 ? -L : -Math.expm1(c * L) / c;
}
