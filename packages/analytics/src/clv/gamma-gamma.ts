import betaln from "@stdlib/math-base-special-betaln";
import digamma from "@stdlib/math-base-special-digamma";
import { invalidInput } from "@tenure/shared";
import { fitModel, type FitOptions, type FitResult, type LikelihoodModel } from "./fit-model.ts";

/**
 * Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM
 * and CLV: Using Iso-Value Curves for Customer Base Analysis", Journal of
 * Marketing Research 42(4); Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value", brucehardie.com note 025). A customer's transaction values
 * are gamma(p, ν) around her own mean p/ν; ν is gamma(q, γ) across customers.
 * Assumes spend is independent of the transaction process, so fit it on
 * repeat buyers only (x ≥ 1) with m̄ = the mean of their repeat transactions.
 */
export type GammaGammaParamName = "p" | "q" | "gamma";
export type GammaGammaParams = Readonly<Record<GammaGammaParamName, number>>;

/** Repeat buyers: frequency x ≥ 1, monetary m̄ > 0 (mean repeat value), optional weight. */
export interface GammaGammaRows {
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
  weight?: ArrayLike<number>;
}

const PARAM_NAMES: readonly GammaGammaParamName[] = ["p", "q", "gamma"];

/** Above this many rows the per-evaluation sums switch to a moment expansion. */
const EXPANSION_ROWS = 50_000;
/** Rows of the subsample whose fit gives the full fit its start and anchor. */
const SUBSAMPLE_ROWS = 10_000;

/**
 * Fit Gamma-Gamma by maximum likelihood with the shared fitter. The summed
 * log of the marginal density of m̄ (Fader & Hardie 2013, the density of m̄_x
 * given x after integrating ν out),
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + m̄x),
 * is regrouped so that only Σ ln(γ+s) and Σ 1/(γ+s) over the total spends
 * s = m̄x depend on the rows (see `gammaGammaModel`). On large inputs without
 * a given start, a deterministic subsample of about 10,000 rows is fitted
 * first and its estimate starts the full fit.
 */
export function fitGammaGamma(rows: GammaGammaRows, options: FitOptions = {}): FitResult<GammaGammaParamName> {
  const count = rows.frequency.length;
  if (options.initial || count <= EXPANSION_ROWS) return fitModel(gammaGammaModel(rows), options);
  const stride = Math.ceil(count / SUBSAMPLE_ROWS);
  const pick = (values: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(Math.ceil(count / stride));
    for (let i = 0, j = 0; i < count; i += stride, j++) out[j] = values[i]!;
    return out;
  };
  const sample: GammaGammaRows = { frequency: pick(rows.frequency), monetary: pick(rows.monetary), ...(rows.weight ? { weight: pick(rows.weight) } : {}) };
  const start = fitModel(gammaGammaModel(sample), options);
  const initial = start.converged ? PARAM_NAMES.map((name) => start.params[name]) : undefined;
  return fitModel(gammaGammaModel(rows), { ...options, ...(initial ? { initial } : {}) });
}

export interface GammaGammaModelOptions {
  /**
   * Evaluate the spend sums through a moment expansion around an anchor γ₀
   * (default: when there are more than 50,000 rows). Exact to rounding inside
   * its radius; outside it the rows are summed directly.
   */
  expansion?: boolean;
}

/**
 * The Gamma-Gamma likelihood over `rows`, for the shared fitter (analytic
 * gradient). Every term but (px+q) ln(γ+s) reduces to sums fixed up front or
 * to one term per distinct x, so an evaluation needs only
 * Σ w ln(1+s/γ), Σ wx ln(1+γ/s), Σ w/(γ+s) and Σ wx/(γ+s) (all ≥ 0, so no
 * cancellation even at extreme parameters). On large inputs these
 * come from the moments Σ w uᵏ, u = 1/(γ₀+s), of a series in δ = γ − γ₀:
 *   ln(γ+s) = ln(γ₀+s) + Σₖ (−1)^(k+1) δᵏ uᵏ / k,   1/(γ+s) = Σₖ (−δ)ᵏ u^(k+1),
 * valid while |δ| u ≤ 1/2 for every row (truncated where the tail is below
 * 1e-17), so the cost of an evaluation no longer grows with the customers.
 * The anchor is the first γ evaluated and moves after repeated misses.
 */
export function gammaGammaModel(rows: GammaGammaRows, modelOptions: GammaGammaModelOptions = {}): LikelihoodModel<GammaGammaParamName> {
  const count = rows.frequency.length;
  if (rows.monetary.length !== count || (rows.weight && rows.weight.length !== count)) {
    throw invalidInput("rows", "frequency, monetary and weight must have the same length");
  }
  // Sufficient statistics that do not depend on the parameters; weights by
  // x in a dense array (x is a small whole number for nearly every row).
  let totalWeight = 0, sumXLogM = 0, sumLogM = 0;
  let weightByX = new Float64Array(64);
  const spend = new Float64Array(count);
  const w = new Float64Array(count);
  const wx = new Float64Array(count);
  let used = 0;
  let minSpend = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const x = rows.frequency[i]!;
    const m = rows.monetary[i]!;
    const weight = rows.weight ? rows.weight[i]! : 1;
    if (!Number.isInteger(x) || x < 1 || !(m > 0) || !Number.isFinite(m) || !(weight >= 0)) {
      throw invalidInput("rows", `row ${i}: need a whole frequency ≥ 1, a positive finite monetary value and weight ≥ 0`, { row: i, x, m });
    }
    if (weight === 0) continue;
    const logM = Math.log(m);
    totalWeight += weight;
    sumXLogM += weight * x * logM;
    sumLogM += weight * logM;
    if (x >= weightByX.length) {
      const grown = new Float64Array(Math.max(x + 1, weightByX.length * 2));
      grown.set(weightByX);
      weightByX = grown;
    }
    weightByX[x] = weightByX[x]! + weight;
    const s = m * x;
    spend[used] = s;
    if (s < minSpend) minSpend = s;
    w[used] = weight;
    wx[used] = weight * x;
    used++;
  }
  const xs: number[] = [], xWeights: number[] = [];
  let sumXLogX = 0;
  weightByX.forEach((weight, x) => {
    if (weight === 0) return;
    xs.push(x);
    xWeights.push(weight);
    sumXLogX += weight * x * Math.log(x);
  });
  const distinctX = Float64Array.from(xs);
  const distinctWeight = Float64Array.from(xWeights);
  const data: SpendData = { spend, w, wx, used, minSpend: used > 0 ? minSpend : 0, totalWeight, sumXLogS: sumXLogM + sumXLogX };
  const useExpansion = modelOptions.expansion ?? used > EXPANSION_ROWS;
  let expansion: MomentExpansion | null = null;
  let misses = 0;
  // γ at the best log-likelihood seen: the optimiser's path, where a new anchor belongs.
  let bestValue = Number.NEGATIVE_INFINITY;
  let bestGamma = Number.NaN;
  const sums = new Float64Array(4);

  return {
    paramNames: PARAM_NAMES,
    logLikelihood(params, grad) {
      const p = params[0]!, q = params[1]!, gamma = params[2]!;
      if (!(p > 0 && q > 0 && gamma > 0 && p < Infinity && q < Infinity && gamma < Infinity)) return Number.NEGATIVE_INFINITY;
      if (!useExpansion) {
        directSums(data, gamma, sums);
      } else if (expansion === null || (misses >= 2 && Math.abs(Math.log(gamma / bestGamma)) < Math.LN2)) {
        // Anchoring also yields the exact sums at the anchor.
        expansion = buildExpansion(data, gamma);
        misses = 0;
        expandedSums(expansion, gamma, sums);
      } else if (!expandedSums(expansion, gamma, sums)) {
        misses++;
        directSums(data, gamma, sums);
      }
      // sums: [Σ w ln(1+s/γ), Σ wx ln(1+γ/s), Σ w/(γ+s), Σ wx/(γ+s)]; both log
      // sums are ≥ 0, so the log-likelihood below has no cancelling terms
      // even at the extreme points a line search may try.
      const a = sums[0]!, b = sums[1]!, c = sums[2]!, d = sums[3]!;
      let ll = 0, dp = 0, dq = 0;
      const psiQ = digamma(q);
      for (let k = 0; k < distinctX.length; k++) {
        const x = distinctX[k]!, weight = distinctWeight[k]!;
        // ln Γ(px+q) − ln Γ(px) − ln Γ(q) = −ln B(px, q)
        ll -= weight * betaln(p * x, q);
        const psiSum = digamma(p * x + q);
        dp += weight * x * (psiSum - digamma(p * x));
        dq += weight * (psiSum - psiQ);
      }
      ll += -sumLogM - p * b - q * a;
      grad[0] = dp - b;
      grad[1] = dq - a;
      grad[2] = (totalWeight * q) / gamma - (p * d + q * c);
      if (ll > bestValue) {
        bestValue = ll;
        bestGamma = gamma;
      }
      return ll;
    },
  };
}

interface SpendData {
  spend: Float64Array;
  w: Float64Array;
  wx: Float64Array;
  used: number;
  minSpend: number;
  totalWeight: number;
  /** Σ wx ln s. */
  sumXLogS: number;
}

/** Writes Σ w ln(1+s/γ), Σ wx ln(1+γ/s), Σ w/(γ+s), Σ wx/(γ+s) into `out`, row by row. */
function directSums(data: SpendData, gamma: number, out: Float64Array): void {
  const { spend, w, wx, used } = data;
  let a = 0, b = 0, c = 0, d = 0;
  for (let i = 0; i < used; i++) {
    const s = spend[i]!;
    const r = 1 / (gamma + s);
    a += w[i]! * Math.log1p(s / gamma);
    b += wx[i]! * Math.log1p(gamma / s);
    c += w[i]! * r;
    d += wx[i]! * r;
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
}

/** Series order: (1/2)^(TERMS+1) < 1e-17. */
const TERMS = 56;
const RADIUS = 0.5;

interface MomentExpansion {
  anchor: number;
  totalWeight: number;
  sumXLogS: number;
  /** Largest |γ − anchor| for which every row satisfies |δ| u ≤ RADIUS. */
  reach: number;
  logW: number;
  logWx: number;
  /** mu[k] = Σ w u^k, nu[k] = Σ wx u^k for k = 1..TERMS+1 (index 0 unused). */
  mu: Float64Array;
  nu: Float64Array;
}

function buildExpansion(data: SpendData, anchor: number): MomentExpansion {
  const { spend, w, wx, used } = data;
  const mu = new Float64Array(TERMS + 2);
  const nu = new Float64Array(TERMS + 2);
  const reach = RADIUS * (anchor + data.minSpend);
  let logW = 0, logWx = 0;
  for (let i = 0; i < used; i++) {
    const base = anchor + spend[i]!;
    const l = Math.log(base);
    const wi = w[i]!, wxi = wx[i]!;
    logW += wi * l;
    logWx += wxi * l;
    const u = 1 / base;
    // Row i's k-th series term is at most (u·reach)^k: stop once that is
    // below 1e-18, which for a typical spend is after a dozen terms.
    const ratio = u * reach;
    let power = u;
    let bound = ratio;
    for (let k = 1; k <= TERMS + 1; k++) {
      mu[k] = mu[k]! + wi * power;
      nu[k] = nu[k]! + wxi * power;
      if (bound < 1e-18) break;
      power *= u;
      bound *= ratio;
    }
  }
  return { anchor, totalWeight: data.totalWeight, sumXLogS: data.sumXLogS, reach, logW, logWx, mu, nu };
}

/** The four sums from the expansion; false (and `out` untouched) when γ is out of its reach. */
function expandedSums(e: MomentExpansion, gamma: number, out: Float64Array): boolean {
  const delta = gamma - e.anchor;
  if (!(Math.abs(delta) <= e.reach)) return false;
  const { mu, nu } = e;
  let a = e.logW, b = e.logWx, c = mu[1]!, d = nu[1]!;
  let power = 1; // (−δ)^k
  for (let k = 1; k <= TERMS; k++) {
    power *= -delta;
    // ln term: (−1)^(k+1) δ^k / k = −(−δ)^k / k
    a -= (power * mu[k]!) / k;
    b -= (power * nu[k]!) / k;
    c += power * mu[k + 1]!;
    d += power * nu[k + 1]!;
  }
  // Near the anchor (γ of the order of the spends) these differences are benign.
  out[0] = a - e.totalWeight * Math.log(gamma);
  out[1] = b - e.sumXLogS;
  out[2] = c;
  out[3] = d;
  return true;
}

/**
 * E[M | p, q, γ; m̄, x]: expected spend per future transaction of a customer
 * with x repeat transactions of mean value m̄ (Fader & Hardie 2013): the
 * weighted average
 *   (q−1)/(px+q−1) · γp/(q−1)  +  px/(px+q−1) · m̄  =  p(γ + m̄x)/(px+q−1),
 * which shrinks m̄ toward the population mean γp/(q−1) and trusts it more as
 * x grows. x = 0 gives the population mean (finite only for q > 1).
 */
export function gammaGammaConditionalExpectedSpend(params: GammaGammaParams, frequency: number, monetary: number): number {
  const { p, q, gamma } = params;
  return (p * (gamma + monetary * frequency)) / (p * frequency + q - 1);
}

/** The conditional expected spend for many customers at once, into `out` (allocated when omitted). */
export function gammaGammaConditionalExpectedSpendMany(
  params: GammaGammaParams, frequency: ArrayLike<number>, monetary: ArrayLike<number>, out = new Float64Array(frequency.length),
): Float64Array {
  const { p, q, gamma } = params;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i]!;
    out[i] = (p * (gamma + monetary[i]! * x)) / (p * x + q - 1);
  }
  return out;
}
