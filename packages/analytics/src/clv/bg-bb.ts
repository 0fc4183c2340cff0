import gammaln from "@stdlib/math-base-special-gammaln";
import digamma from "@stdlib/math-base-special-digamma";
import betaln from "@stdlib/math-base-special-betaln";
import { invalidInput } from "@tenure/shared";
import { fitModel, type FitOptions, type FitResult, type LikelihoodModel } from "./fit-model.ts";

/**
 * BG/BB: the beta-geometric/beta-Bernoulli model of repeat transactions over
 * discrete opportunities (Fader, Hardie & Shang 2010, "Customer-Base Analysis
 * in a Discrete-Time Noncontractual Setting", Marketing Science 29(6)).
 *
 * While alive, a customer transacts at each opportunity with probability p,
 * p ~ beta(alpha, beta); at the start of each opportunity after the first
 * transaction she dies with probability θ, θ ~ beta(gamma, delta). A customer
 * is summarised by x (repeat transactions), t_x (the opportunity of the last
 * one, 0 when x = 0) and n (opportunities observed).
 */
export type BgBbParamName = "alpha" | "beta" | "gamma" | "delta";
export type BgBbParams = Readonly<Record<BgBbParamName, number>>;

/** Weighted summary rows; `weight` counts the customers sharing a row (default 1). */
export interface BgBbRows {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  periods: ArrayLike<number>;
  weight?: ArrayLike<number>;
}

const PARAM_NAMES: readonly BgBbParamName[] = ["alpha", "beta", "gamma", "delta"];

/**
 * Fit BG/BB by maximum likelihood with the shared fitter. The likelihood is
 * the one derived in FHS (2010, Section 3): the customer was alive through n,
 * or died unseen at one of the opportunities after t_x; its gradient is
 * analytic (ψ differences of the beta functions).
 */
export function fitBgBb(rows: BgBbRows, options: FitOptions = {}): FitResult<BgBbParamName> {
  return fitModel(bgBbModel(rows), options);
}

/** The BG/BB likelihood over `rows`, for the shared fitter (natural-scale gradient). */
export function bgBbModel(rows: BgBbRows): LikelihoodModel<BgBbParamName> {
  const count = rows.frequency.length;
  if (rows.recency.length !== count || rows.periods.length !== count || (rows.weight && rows.weight.length !== count)) {
    throw invalidInput("rows", "frequency, recency, periods and weight must have the same length");
  }
  let maxN = 0;
  for (let i = 0; i < count; i++) {
    const x = rows.frequency[i]!;
    const tx = rows.recency[i]!;
    const n = rows.periods[i]!;
    if (!Number.isInteger(x) || !Number.isInteger(tx) || !Number.isInteger(n) || x < 0 || tx < x || n < tx || (x === 0 && tx !== 0)) {
      throw invalidInput("rows", `row ${i}: need integers 0 ≤ x ≤ t_x ≤ n with t_x = 0 when x = 0`, { row: i, x, tx, n });
    }
    maxN = Math.max(maxN, n);
  }
  const size = maxN + 3;
  // Tables of ψ at parameter + k, rebuilt once per evaluation. Values use
  // betaln directly: differences of ln Γ lose all precision when the
  // optimiser tries extreme parameters, and it would then climb the noise.
  const dg = { a: new Float64Array(size), b: new Float64Array(size), ab: new Float64Array(size), g: new Float64Array(size), d: new Float64Array(size), gd: new Float64Array(size) };
  const maxTerms = maxN + 1;
  const logTerm = new Float64Array(maxTerms);
  const termGrad = new Float64Array(maxTerms * 4);

  return {
    paramNames: PARAM_NAMES,
    logLikelihood(params, grad) {
      const alpha = params[0]!, beta = params[1]!, gamma = params[2]!, delta = params[3]!;
      fillDigammaTables(dg, alpha, beta, gamma, delta, size);
      // −ln B(α,β) − ln B(γ,δ) and its gradient, common to every term.
      const constant = -betaln(alpha, beta) - betaln(gamma, delta);
      const c0 = dg.ab[0]! - dg.a[0]!, c1 = dg.ab[0]! - dg.b[0]!, c2 = dg.gd[0]! - dg.g[0]!, c3 = dg.gd[0]! - dg.d[0]!;
      let total = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0;
      for (let r = 0; r < count; r++) {
        const x = rows.frequency[r]!, tx = rows.recency[r]!, n = rows.periods[r]!;
        const w = rows.weight ? rows.weight[r]! : 1;
        if (w === 0) continue;
        // Term 0: alive through n — B(α+x, β+n−x) B(γ, δ+n).
        let terms = 1;
        logTerm[0] = betaln(alpha + x, beta + n - x) + betaln(gamma, delta + n);
        termGrad[0] = dg.a[x]! - dg.ab[n]!;
        termGrad[1] = dg.b[n - x]! - dg.ab[n]!;
        termGrad[2] = dg.g[0]! - dg.gd[n]!;
        termGrad[3] = dg.d[n]! - dg.gd[n]!;
        // Terms i: died at opportunity t_x + i + 1 — B(α+x, β+t_x−x+i) B(γ+1, δ+t_x+i).
        for (let i = 0; i < n - tx; i++) {
          const k = tx + i;
          logTerm[terms] = betaln(alpha + x, beta + k - x) + betaln(gamma + 1, delta + k);
          const o = terms * 4;
          termGrad[o] = dg.a[x]! - dg.ab[k]!;
          termGrad[o + 1] = dg.b[k - x]! - dg.ab[k]!;
          termGrad[o + 2] = dg.g[1]! - dg.gd[k + 1]!;
          termGrad[o + 3] = dg.d[k]! - dg.gd[k + 1]!;
          terms++;
        }
        let max = Number.NEGATIVE_INFINITY;
        for (let j = 0; j < terms; j++) max = Math.max(max, logTerm[j]!);
        let sum = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (let j = 0; j < terms; j++) {
          const e = Math.exp(logTerm[j]! - max);
          sum += e;
          s0 += e * termGrad[j * 4]!;
          s1 += e * termGrad[j * 4 + 1]!;
          s2 += e * termGrad[j * 4 + 2]!;
          s3 += e * termGrad[j * 4 + 3]!;
        }
        total += w * (max + Math.log(sum));
        g0 += (w * s0) / sum;
        g1 += (w * s1) / sum;
        g2 += (w * s2) / sum;
        g3 += (w * s3) / sum;
        total += w * constant;
        g0 += w * c0;
        g1 += w * c1;
        g2 += w * c2;
        g3 += w * c3;
      }
      grad[0] = g0;
      grad[1] = g1;
      grad[2] = g2;
      grad[3] = g3;
      return total;
    },
  };
}

type Tables = Record<"a" | "b" | "ab" | "g" | "d" | "gd", Float64Array>;

function fillDigammaTables(dg: Tables, alpha: number, beta: number, gamma: number, delta: number, size: number): void {
  const bases: Record<keyof Tables, number> = { a: alpha, b: beta, ab: alpha + beta, g: gamma, d: delta, gd: gamma + delta };
  for (const key of Object.keys(bases) as (keyof Tables)[]) {
    const base = bases[key];
    const d = dg[key];
    for (let k = 0; k < size; k++) d[k] = digamma(base + k);
  }
}

const lbeta = betaln;

/** ln L(α,β,γ,δ | x, t_x, n) for one customer (the FHS 2010 likelihood). */
export function bgBbLogLikelihoodRow(params: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = params;
  const base = -lbeta(alpha, beta) - lbeta(gamma, delta);
  const logs: number[] = [lbeta(alpha + x, beta + n - x) + lbeta(gamma, delta + n)];
  for (let i = 0; i < n - tx; i++) logs.push(lbeta(alpha + x, beta + tx - x + i) + lbeta(gamma + 1, delta + tx + i));
  return base + logSumExp(logs);
}

function logSumExp(values: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) max = Math.max(max, v);
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/** E[(1−θ)^t] = B(γ, δ+t)/B(γ, δ): the chance a new customer is still alive at opportunity t. */
function aliveAt(params: BgBbParams, t: number): number {
  return Math.exp(lbeta(params.gamma, params.delta + t) - lbeta(params.gamma, params.delta));
}

/**
 * E[X(n)]: expected transactions of a new customer in the first n
 * opportunities (FHS 2010 eq. 8), summed per opportunity as
 * α/(α+β) Σ_{t=1..n} B(γ, δ+t)/B(γ, δ), which equals the closed form and
 * stays finite at γ = 1.
 */
export function bgBbExpectedTransactions(params: BgBbParams, n: number): number {
  let sum = 0;
  for (let t = 1; t <= n; t++) sum += aliveAt(params, t);
  return (params.alpha / (params.alpha + params.beta)) * sum;
}

/** P(X(n) = x): probability a new customer makes x transactions in n opportunities (FHS 2010, the BG/BB distribution of X(n)). */
export function bgBbProbabilityOfTransactions(params: BgBbParams, x: number, n: number): number {
  const { alpha, beta, gamma, delta } = params;
  const lbab = lbeta(alpha, beta), lbgd = lbeta(gamma, delta);
  const logChoose = (m: number, k: number): number => gammaln(m + 1) - gammaln(k + 1) - gammaln(m - k + 1);
  let p = Math.exp(logChoose(n, x) + lbeta(alpha + x, beta + n - x) - lbab + lbeta(gamma, delta + n) - lbgd);
  for (let i = x; i < n; i++) {
    p += Math.exp(logChoose(i, x) + lbeta(alpha + x, beta + i - x) - lbab + lbeta(gamma + 1, delta + i) - lbgd);
  }
  return p;
}

/**
 * P(alive at opportunity n + m | x, t_x, n); m = 1 is the paper's "P(alive
 * at n+1)" (FHS 2010 eq. 11), larger m looks further ahead.
 */
export function bgBbProbabilityAlive(params: BgBbParams, x: number, tx: number, n: number, m = 1): number {
  const { alpha, beta, gamma, delta } = params;
  const logAlive = lbeta(alpha + x, beta + n - x) - lbeta(alpha, beta) + lbeta(gamma, delta + n + m) - lbeta(gamma, delta);
  return Math.exp(logAlive - bgBbLogLikelihoodRow(params, x, tx, n));
}

/**
 * E[X(n, n+n*) | x, t_x, n]: expected transactions in the next n*
 * opportunities (FHS 2010 eq. 13), summed per opportunity as
 * B(α+x+1, β+n−x)/B(α,β) · Σ_{t=n+1..n+n*} B(γ, δ+t)/B(γ,δ) / L.
 */
export function bgBbConditionalExpectedTransactions(params: BgBbParams, nStar: number, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = params;
  const logLik = bgBbLogLikelihoodRow(params, x, tx, n);
  const logPurchase = lbeta(alpha + x + 1, beta + n - x) - lbeta(alpha, beta);
  const lbgd = lbeta(gamma, delta);
  let sum = 0;
  for (let t = n + 1; t <= n + nStar; t++) sum += Math.exp(logPurchase + lbeta(gamma, delta + t) - lbgd - logLik);
  return sum;
}
