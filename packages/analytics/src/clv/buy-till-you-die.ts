import { fitModel, type FitOptions, type FitResult, type LikelihoodModel } from "./fit-model.ts";
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
  // x is a validated whole number: a dense table from x to group beats a Map.
  let maxX = 0;
  for (let i = 0; i < rows.x.length; i++) maxX = Math.max(maxX, rows.x[i]!);
  const groupOf = new Int32Array(maxX + 1).fill(-1);
  const index = new Uint32Array(rows.x.length);
  const values: number[] = [];
  const weights: number[] = [];
  let totalWeight = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const v = rows.x[i]!;
    let j = groupOf[v]!;
    if (j < 0) {
      j = values.length;
      values.push(v);
      weights.push(0);
      groupOf[v] = j;
    }
    index[i] = j;
    weights[j]! += rows.weight[i]!;
    totalWeight += rows.weight[i]!;
  }
  return { values: Float64Array.from(values), index, weight: Float64Array.from(weights), totalWeight };
}

/**
 * Cache a function of (x, t): many customers share a frequency and an age,
 * so scoring evaluates the expensive 2F1 and tail-integral terms once per
 * pair rather than once per customer.
 */
export function memoizePairs(fn: (x: number, t: number) => number): (x: number, t: number) => number {
  const cache = new Map<number, Map<number, number>>();
  return (x, t) => {
    let inner = cache.get(x);
    if (inner === undefined) cache.set(x, (inner = new Map()));
    let value = inner.get(t);
    if (value === undefined) inner.set(t, (value = fn(x, t)));
    return value;
  };
}

/** Distinct times of a set of rows, and each row's index into them for tx and T. */
export interface TimeIndex {
  values: Float64Array;
  txIndex: Uint32Array;
  TIndex: Uint32Array;
}

/**
 * Index the recency and age columns by distinct value, so a likelihood takes
 * ln(α + t) once per distinct time (a few hundred with day-rounded data)
 * instead of twice per row.
 */
export function timeIndex(rows: SummaryRows): TimeIndex {
  const map = new Map<number, number>();
  const values: number[] = [];
  const indexOf = (v: number): number => {
    let j = map.get(v);
    if (j === undefined) {
      j = values.length;
      values.push(v);
      map.set(v, j);
    }
    return j;
  };
  const n = rows.x.length;
  const txIndex = new Uint32Array(n);
  const TIndex = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    txIndex[i] = indexOf(rows.tx[i]!);
    TIndex[i] = indexOf(rows.T[i]!);
  }
  return { values: Float64Array.from(values), txIndex, TIndex };
}

/** Fill logOut[k] = ln(shift + values[k]) and invOut[k] = 1 / (shift + values[k]). */
export function fillShiftedLogs(values: Float64Array, shift: number, logOut: Float64Array, invOut: Float64Array): void {
  for (let k = 0; k < values.length; k++) {
    const v = shift + values[k]!;
    logOut[k] = Math.log(v);
    invOut[k] = 1 / v;
  }
}

/** Rows above which a fit first runs on a subsample to find its starting point. */
const SUBSAMPLE_ABOVE = 20_000;

/**
 * Fit a BTYD likelihood with the shared fitter, on the mean log-likelihood
 * per customer (as lifetimes does, so the optimiser's tolerances and the L2
 * penalty mean the same at 2,000 and at 1,000,000 customers), and report the
 * total log-likelihood and standard errors of the total. Above 20,000 rows
 * without given starting values, a fit on every k-th row (about 10,000)
 * supplies them, which saves most iterations on the full rows.
 */
export function fitSummaryRows<Name extends string>(
  makeLikelihood: (rows: SummaryRows) => LikelihoodModel<Name>,
  rows: SummaryRows,
  options: FitOptions = {},
): FitResult<Name> {
  const model = makeLikelihood(rows);
  let initial = options.initial;
  const n = rows.x.length;
  if (initial === undefined && n > SUBSAMPLE_ABOVE) {
    const step = Math.ceil(n / 10_000);
    const pick = (column: Float64Array): Float64Array => {
      const out = new Float64Array(Math.ceil(n / step));
      for (let i = 0, j = 0; i < n; i += step, j++) out[j] = column[i]!;
      return out;
    };
    const sample = { x: pick(rows.x), tx: pick(rows.tx), T: pick(rows.T), weight: pick(rows.weight) };
    const start = fitSummaryRows(makeLikelihood, sample, options);
    const values = model.paramNames.map((name) => start.params[name]);
    if (values.every((v) => Number.isFinite(v) && v > 0)) initial = values;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += rows.weight[i]!;
  const scale = total > 0 ? total : 1;
  const mean: LikelihoodModel<Name> = {
    paramNames: model.paramNames,
    logLikelihood(params, grad) {
      const value = model.logLikelihood(params, grad);
      for (let j = 0; j < grad.length; j++) grad[j] = grad[j]! / scale;
      return value / scale;
    },
  };
  const fit = fitModel(mean, initial === undefined ? options : { ...options, initial });
  const standardErrors = Object.fromEntries(
    model.paramNames.map((name) => [name, fit.standardErrors[name] / Math.sqrt(scale)]),
  ) as Record<Name, number>;
  return { ...fit, logLikelihood: fit.logLikelihood * scale, standardErrors };
}

/** −expm1(c·L)/c, i.e. (1 − e^{cL})/c, with its limit −L at c = 0. */
export function oneMinusExpOver(c: number, L: number): number {
  return Math.abs(c * L) < 1e-12 ? -L : -Math.expm1(c * L) / c;
}
