import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { logDiffExp, logSumExpShare } from "../math/log-sum-exp.ts";
import { gaussLegendreLog } from "../math/gauss-legendre-log.ts";
import { fillShiftedLogs, fitSummaryRows, frequencyGroups, memoizePairs, timeIndex, oneMinusExpOver, scoreUniqueRows, type BuyTillYouDieModel } from "./buy-till-you-die.ts";
import type { SummaryRows } from "./compress-rows.ts";
import type { FitOptions, FitResult, LikelihoodModel } from "./fit-model.ts";

export type ParetoNbdParam = "r" | "alpha" | "s" | "beta";
export type ParetoNbdParams = Readonly<Record<ParetoNbdParam, number>>;

const PARAM_NAMES = ["r", "alpha", "s", "beta"] as const;
const MAX_SERIES_TERMS = 200_000;

/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987, "Counting your
 * customers: who are they and what will they do next?", Management Science
 * 33(1)). While active a customer buys at Poisson rate λ ~ Gamma(r, α); the
 * unobserved lifetime is exponential with rate μ ~ Gamma(s, β).
 *
 * Formulas follow Fader & Hardie (2005), "A note on deriving the Pareto/NBD
 * model and related expressions": likelihood eq. 19–22 (with the α ≥ β and
 * α ≤ β cases of A0), P(alive) eq. 18/23, E[X(t)] eq. 17, conditional
 * expectation eq. 24–25. A0 is evaluated as a difference of two tail
 * integrals G(t) = ∫_t^∞ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, each a 2F1 of the
 * family 2F1(a, b; a+1; z) after Euler's transformation, summed in log space
 * with analytic derivatives (see `tailIntegral`), so α = β, α < β and
 * frequencies in the hundreds all stay finite.
 */
export const paretoNbd: BuyTillYouDieModel<ParetoNbdParam> = {
  paramNames: PARAM_NAMES,
  likelihood: paretoNbdLikelihood,
  fit: (rows, options = {}) => fitSummaryRows(paretoNbdLikelihood, rows, options),
  expectedPurchases,
  conditionalExpectedPurchases: (params, t, x, tx, T) =>
    probabilityAlive(params, x, tx, T) * aliveExpectedPurchases(params, t, x, T),
  probabilityAlive,
  probabilityOfPurchases,
  score(params, customers, horizon, out) {
    const scratch = new Float64Array(5);
    const logTail = memoizePairs((x, t) => {
      tailIntegral(params.r, params.alpha, params.s, params.beta, x, t, scratch);
      return scratch[0]!;
    });
    scoreUniqueRows(customers, out, (x, tx, T, result) => {
      const alive = probabilityAliveFromTails(params, x, tx, T, logTail);
      result[0] = alive;
      result[1] = alive * aliveExpectedPurchases(params, horizon, x, T);
    });
  },
};

/** Fit the Pareto/NBD by maximum likelihood (Fader & Hardie 2005 note, eq. 22) on weighted summary rows. */
export function fitParetoNbd(rows: SummaryRows, options: FitOptions = {}): FitResult<ParetoNbdParam> {
  return paretoNbd.fit(rows, options);
}

/**
 * log G(t) and its partial derivatives, where
 *   G(t) = ∫_t^∞ (α+τ)^−p (β+τ)^−q dτ,  p = r + x,  q = s + 1.
 * With (A, P) the pair of the larger of α, β and (B, Q) the other, and
 * z = (A−B)/(A+t) ∈ [0, 1), Fader & Hardie's 2F1(r+s+x, ·; r+s+x+1; z) after
 * Euler's transformation gives
 *   G(t) = (A+t)^−P (B+t)^−(Q−1) / (P+Q−1) · S,  S = Σ_n (P)_n/(P+Q)_n z^n,
 * whose terms fall at least as fast as z^n (no overflow for any x).
 * Writes [log G, ∂/∂r, ∂/∂α, ∂/∂s, ∂/∂β of log G] into `out`.
 */
export function tailIntegral(r: number, alpha: number, s: number, beta: number, x: number, t: number, out: Float64Array): void {
  const swap = alpha < beta;
  const A = swap ? beta : alpha;
  const B = swap ? alpha : beta;
  const P = swap ? s + 1 : r + x;
  const Q = swap ? r + x : s + 1;
  const At = A + t;
  const Bt = B + t;
  const z = (A - B) / At;
  const c = P + Q - 1;
  // S and its derivatives in P, Q and z, summed together.
  let S = 1, SP = 0, SQ = 0, Sz = 0;
  if (z > 0) {
    // About ln(ε(1−z)²)/ln z terms are needed; beyond the budget (z above
    // ≈ 0.9997, i.e. β/α < 3e-4 at t = 0) report NaN rather than spend
    // seconds: the fitter treats it as an infeasible step.
    const needed = Math.log(1e-17 * (1 - z) * (1 - z)) / Math.log(z);
    if (!(needed >= 0 && needed <= MAX_SERIES_TERMS)) {
      out.fill(Number.NaN);
      return;
    }
    let term = 1, dP = 0, dQ = 0;
    for (let n = 0; n < MAX_SERIES_TERMS; n++) {
      // Σ_{k<n} of d/dP and d/dQ of log((P)_k/(P+Q)_k), updated before moving to term n+1.
      dP += 1 / (P + n) - 1 / (P + Q + n);
      dQ -= 1 / (P + Q + n);
      term *= ((P + n) / (P + Q + n)) * z;
      S += term;
      SP += term * dP;
      SQ += term * dQ;
      Sz += (n + 1) * term;
      // Terms fall at least like z^n; the weighted sums need a (n+1)/(1−z) margin.
      if (term * (n + 2) <= 1e-17 * (1 - z) * (1 - z) * S) break;
    }
    Sz /= z;
  } else {
    Sz = P / (P + Q);
  }
  const logAt = Math.log(At);
  const logBt = Math.log(Bt);
  const gP = -logAt - 1 / c + SP / S;
  const gQ = -logBt - 1 / c + SQ / S;
  const gA = -P / At + ((Sz / S) * Bt) / (At * At);
  const gB = -(Q - 1) / Bt - Sz / S / At;
  out[0] = -P * logAt - (Q - 1) * logBt - Math.log(c) + Math.log(S);
  out[1] = swap ? gQ : gP;
  out[2] = swap ? gB : gA;
  out[3] = swap ? gP : gQ;
  out[4] = swap ? gA : gB;
}

/**
 * Weighted log-likelihood (Fader & Hardie 2005 note, eq. 22):
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β
 *        + ln[ (α+T)^−(r+x) (β+T)^−s + s (G(tx) − G(T)) ],
 * where s (G(tx) − G(T)) = s/(r+s+x) · A0 of eq. 21/22. G is evaluated once
 * per distinct (x, t) pair, since many rows share them.
 */
function paretoNbdLikelihood(rows: SummaryRows): LikelihoodModel<ParetoNbdParam> {
  const xs = frequencyGroups(rows);
  const { x, tx, T, weight } = rows;
  const n = x.length;
  const nx = xs.values.length;
  // Distinct (x, t) nodes at which G is needed: tx and T of rows with tx < T,
  // keyed by (frequency group, distinct time): a dense table when it is small.
  const ages = timeIndex(rows);
  const nTimes = ages.values.length;
  const dense = nx * nTimes <= 4_000_000 ? new Int32Array(nx * nTimes).fill(-1) : null;
  const sparse = new Map<number, number>();
  const nodeX: number[] = [];
  const nodeT: number[] = [];
  const node = (j: number, k: number): number => {
    const key = j * nTimes + k;
    let id = dense ? dense[key]! : (sparse.get(key) ?? -1);
    if (id < 0) {
      id = nodeX.length;
      nodeX.push(xs.values[j]!);
      nodeT.push(ages.values[k]!);
      if (dense) dense[key] = id;
      else sparse.set(key, id);
    }
    return id;
  };
  const nodeTx = new Int32Array(n).fill(-1);
  const nodeAge = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (tx[i]! < T[i]! && weight[i]! > 0) {
      nodeTx[i] = node(xs.index[i]!, ages.txIndex[i]!);
      nodeAge[i] = node(xs.index[i]!, ages.TIndex[i]!);
    }
  }
  const nodes = nodeX.length;
  const g = new Float64Array(nodes * 5);
  const scratch = new Float64Array(5);
  // share[0]: weight of the "died in (tx, T]" term in the row's likelihood.
  const share = new Float64Array(1);
  const totalWeight = xs.totalWeight;
  // ln(α+T), ln(β+T) and their reciprocals once per distinct time.
  const logAlphaT = new Float64Array(ages.values.length);
  const invAlphaT = new Float64Array(ages.values.length);
  const logBetaT = new Float64Array(ages.values.length);
  const invBetaT = new Float64Array(ages.values.length);

  return {
    paramNames: PARAM_NAMES,
    logLikelihood(params, grad) {
      const r = params[0]!;
      const alpha = params[1]!;
      const s = params[2]!;
      const beta = params[3]!;
      let ll = totalWeight * (r * Math.log(alpha) + s * Math.log(beta));
      let gr = totalWeight * Math.log(alpha);
      let gAlpha = (totalWeight * r) / alpha;
      let gs = totalWeight * Math.log(beta);
      let gBeta = (totalWeight * s) / beta;
      const lgR = gammaln(r), psiR = digamma(r);
      for (let j = 0; j < nx; j++) {
        const w = xs.weight[j]!;
        ll += w * (gammaln(r + xs.values[j]!) - lgR);
        gr += w * (digamma(r + xs.values[j]!) - psiR);
      }
      for (let k = 0; k < nodes; k++) {
        tailIntegral(r, alpha, s, beta, nodeX[k]!, nodeT[k]!, scratch);
        g.set(scratch, k * 5);
      }
      const logS = Math.log(s);
      fillShiftedLogs(ages.values, alpha, logAlphaT, invAlphaT);
      fillShiftedLogs(ages.values, beta, logBetaT, invBetaT);
      for (let i = 0; i < n; i++) {
        const w = weight[i]!;
        if (w === 0) continue;
        const rx = r + x[i]!;
        const kT = ages.TIndex[i]!;
        const lAT = logAlphaT[kT]!;
        const lBT = logBetaT[kT]!;
        const iAT = invAlphaT[kT]!;
        const iBT = invBetaT[kT]!;
        // Alive through T: u1 = −(r+x) ln(α+T) − s ln(β+T).
        const u1 = -rx * lAT - s * lBT;
        const k1 = nodeTx[i]!;
        if (k1 < 0) {
          ll += w * u1;
          gr -= w * lAT;
          gAlpha -= w * rx * iAT;
          gs -= w * lBT;
          gBeta -= w * s * iBT;
          continue;
        }
        // Died in (tx, T]: u2 = ln s + ln(G(tx) − G(T)).
        const o1 = k1 * 5;
        const o2 = nodeAge[i]! * 5;
        const lg1 = g[o1]!;
        const lg2 = g[o2]!;
        const u2 = logS + logDiffExp(lg1, lg2);
        const rho = Math.exp(lg2 - lg1);
        const inv = 1 / (1 - rho);
        const lse = logSumExpShare(u1, u2, share);
        const p2 = share[0]!;
        const p1 = 1 - p2;
        ll += w * lse;
        // d u2 = (g(tx) − ρ g(T)) / (1 − ρ) (+ 1/s for s).
        gr += w * (-p1 * lAT + p2 * (g[o1 + 1]! - rho * g[o2 + 1]!) * inv);
        gAlpha += w * (-p1 * rx * iAT + p2 * (g[o1 + 2]! - rho * g[o2 + 2]!) * inv);
        gs += w * (-p1 * lBT + p2 * (1 / s + (g[o1 + 3]! - rho * g[o2 + 3]!) * inv));
        gBeta += w * (-p1 * s * iBT + p2 * (g[o1 + 4]! - rho * g[o2 + 4]!) * inv);
      }
      grad[0] = gr;
      grad[1] = gAlpha;
      grad[2] = gs;
      grad[3] = gBeta;
      return ll;
    },
  };
}

/**
 * P(alive | x, tx, T) (Fader & Hardie 2005 note, eq. 18): the share of the
 * "still alive at T" term in the likelihood of eq. 22.
 */
function probabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const scratch = new Float64Array(5);
  return probabilityAliveFromTails(p, x, tx, T, (xx, t) => {
    tailIntegral(p.r, p.alpha, p.s, p.beta, xx, t, scratch);
    return scratch[0]!;
  });
}

/** P(alive) given a function returning log G(t) for (x, t), so callers can cache it. */
function probabilityAliveFromTails(
  p: ParetoNbdParams, x: number, tx: number, T: number, logTail: (x: number, t: number) => number,
): number {
  if (!(tx < T)) return 1;
  const u1 = -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T);
  const u2 = Math.log(p.s) + logDiffExp(logTail(x, tx), logTail(x, T));
  return 1 / (1 + Math.exp(u2 - u1));
}

/**
 * Expected purchases in (T, T+t] for a customer alive at T (Fader & Hardie
 * 2005 note, eq. 25 without P(alive)):
 *   (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)],
 * with its limit (r+x)(β+T)/(α+T) · ln((β+T+t)/(β+T)) at s = 1.
 */
function aliveExpectedPurchases(p: ParetoNbdParams, t: number, x: number, T: number): number {
  const bT = p.beta + T;
  return ((p.r + x) * bT / (p.alpha + T)) * oneMinusExpOver(p.s - 1, Math.log(bT / (bT + t)));
}

/**
 * E[X(t)] for a new customer (Fader & Hardie 2005 note, eq. 17; SMC 1987 eq. 17):
 *   rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)], limit rβ/α · ln(1 + t/β) at s = 1.
 */
function expectedPurchases(p: ParetoNbdParams, t: number): number {
  return ((p.r * p.beta) / p.alpha) * oneMinusExpOver(p.s - 1, Math.log(p.beta / (p.beta + t)));
}

/**
 * P(X(t) = n) for a new customer (SMC 1987; Fader & Hardie 2006 note
 * "Deriving an expression for P(X(t) = x) under the Pareto/NBD model"):
 * the customer is either alive at t, NB(n) · (β/(β+t))^s, or died at τ < t
 * having made n purchases by then,
 *   ∫_0^t s β^s (β+τ)^−(s+1) · Γ(r+n)/(Γ(r) n!) α^r τ^n (α+τ)^−(r+n) dτ.
 * The integral is done by composite Gauss–Legendre quadrature in log space
 * rather than the note's alternating sum of 2F1s, which cancels badly for
 * large n.
 */
function probabilityOfPurchases(p: ParetoNbdParams, t: number, n: number): number {
  const { r, alpha, s, beta } = p;
  const logCoef = gammaln(r + n) - gammaln(r) - gammaln(n + 1) + r * Math.log(alpha);
  const alive = Math.exp(logCoef - (r + n) * Math.log(alpha + t) + n * Math.log(t) + s * Math.log(beta / (beta + t)));
  const logIntegrand = (tau: number): number =>
    (n === 0 ? 0 : n * Math.log(tau)) - (r + n) * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau);
  const logDied = gaussLegendreLog(logIntegrand, 0, t, 32);
  return alive + Math.exp(logCoef + Math.log(s) + s * Math.log(beta) + logDied);
}
