import betaln from "@stdlib/math-base-special-betaln";
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { logHyp2f1 } from "../math/hyp2f1.ts";
import { logSumExpShare } from "../math/log-sum-exp.ts";
import { fillShiftedLogs, fitSummaryRows, frequencyGroups, memoizePairs, scoreUniqueRows, timeIndex, type BuyTillYouDieModel } from "./buy-till-you-die.ts";
import type { SummaryRows } from "./compress-rows.ts";
import type { LikelihoodModel } from "./fit-model.ts";

export type GeometricDropoutParam = "r" | "alpha" | "a" | "b";
export type GeometricDropoutParams = Readonly<Record<GeometricDropoutParam, number>>;

const PARAM_NAMES = ["r", "alpha", "a", "b"] as const;

/**
 * The Pareto/NBD's two "easy" cousins share one structure, implemented once
 * here: purchases follow a Poisson process with rate λ ~ Gamma(r, α), and a
 * customer becomes inactive with probability p ~ Beta(a, b) after each
 * purchase (BG/NBD, Fader, Hardie & Lee 2005) and, in the MBG/NBD (Batislam,
 * Denizel & Filiztekin 2007), also at time 0. With `shift` k = 0 (BG) or 1
 * (MBG), a customer with x repeat purchases survived x + k dropout chances;
 * every formula below is the BG/NBD one with b + x replaced by b + x + k and
 * the "x > 0" indicator replaced by "x + k > 0".
 *
 * `shift` 0 gives FHL 2005 eq. 6 (likelihood), 7 (E[X(t)]), 8 (P(X(t)=x)),
 * 10 (conditional expectation) and the P(alive) of their appendix / FHL's
 * 2008 note; `shift` 1 the MBG/NBD equations of Batislam et al. 2007
 * (Appendix A), with the conditional expectation of Wagner & Hoppe 2008.
 */
export function geometricDropoutNbd(shift: 0 | 1): BuyTillYouDieModel<GeometricDropoutParam> {
  const model: BuyTillYouDieModel<GeometricDropoutParam> = {
    paramNames: PARAM_NAMES,
    likelihood: (rows) => geometricDropoutLikelihood(rows, shift),
    fit: (rows, options = {}) => fitSummaryRows((r) => geometricDropoutLikelihood(r, shift), rows, options),
    expectedPurchases: (params, t) => expectedPurchases(params, shift, t),
    conditionalExpectedPurchases: (params, t, x, tx, T) =>
      probabilityAlive(params, shift, x, tx, T) * aliveExpectedPurchases(params, shift, t, x, T),
    probabilityAlive: (params, x, tx, T) => probabilityAlive(params, shift, x, tx, T),
    probabilityOfPurchases: (params, t, n) => probabilityOfPurchases(params, shift, t, n),
    score(params, customers, horizon, out) {
      const aliveExpected = memoizePairs((x, T) => aliveExpectedPurchases(params, shift, horizon, x, T));
      scoreUniqueRows(customers, out, (x, tx, T, result) => {
        const alive = probabilityAlive(params, shift, x, tx, T);
        result[0] = alive;
        result[1] = alive * aliveExpected(x, T);
      });
    },
  };
  return model;
}

/**
 * Weighted log-likelihood (FHL 2005 eq. 6 for shift 0):
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+k) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + [x+k>0] a/(b+x+k−1) (α+tx)^−(r+x) ].
 * Terms that depend on x alone are computed once per distinct x; the row loop
 * only evaluates the two-term log-sum-exp.
 */
function geometricDropoutLikelihood(rows: SummaryRows, shift: 0 | 1): LikelihoodModel<GeometricDropoutParam> {
  const xs = frequencyGroups(rows);
  const { x, weight } = rows;
  const n = x.length;
  const nx = xs.values.length;
  const deadConst = new Float64Array(nx);
  const times = timeIndex(rows);
  const logTime = new Float64Array(times.values.length);
  const invTime = new Float64Array(times.values.length);
  // share[0]: weight of the "inactive since tx" term in the row's likelihood.
  const share = new Float64Array(1);
  return {
    paramNames: PARAM_NAMES,
    logLikelihood(params, grad) {
      const r = params[0]!;
      const alpha = params[1]!;
      const a = params[2]!;
      const b = params[3]!;
      let ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
      // Per distinct x: ln Γ(r+x) − ln Γ(r) + ln B(a, b+m) − ln B(a, b), m = x + k.
      const lgR = gammaln(r), psiR = digamma(r);
      const lbAB = betaln(a, b), psiB = digamma(b), psiAB = digamma(a + b);
      const logA = Math.log(a);
      for (let j = 0; j < nx; j++) {
        const xj = xs.values[j]!;
        const m = xj + shift;
        const w = xs.weight[j]!;
        const psiABm = digamma(a + b + m);
        ll += w * (gammaln(r + xj) - lgR + betaln(a, b + m) - lbAB);
        gr += w * (digamma(r + xj) - psiR);
        ga += w * (psiAB - psiABm);
        gb += w * (digamma(b + m) - psiABm - psiB + psiAB);
        deadConst[j] = m > 0 ? logA - Math.log(b + m - 1) : Number.NEGATIVE_INFINITY;
      }
      const logAlpha = Math.log(alpha);
      fillShiftedLogs(times.values, alpha, logTime, invTime);
      for (let i = 0; i < n; i++) {
        const w = weight[i]!;
        if (w === 0) continue;
        const j = xs.index[i]!;
        const rx = r + x[i]!;
        const kT = times.TIndex[i]!;
        const lT = logTime[kT]!;
        const u1 = -rx * lT;
        const dc = deadConst[j]!;
        if (dc === Number.NEGATIVE_INFINITY) {
          ll += w * u1;
          gr -= w * lT;
          gAlpha -= w * rx * invTime[kT]!;
          continue;
        }
        const kTx = times.txIndex[i]!;
        const lTx = logTime[kTx]!;
        const u2 = dc - rx * lTx;
        const lse = logSumExpShare(u1, u2, share);
        const p2 = share[0]!;
        const p1 = 1 - p2;
        ll += w * lse;
        gr -= w * (p1 * lT + p2 * lTx);
        gAlpha -= w * rx * (p1 * invTime[kT]! + p2 * invTime[kTx]!);
        ga += (w * p2) / a;
        gb -= (w * p2) / (b + x[i]! + shift - 1);
      }
      ll += xs.totalWeight * r * logAlpha;
      gr += xs.totalWeight * logAlpha;
      gAlpha += (xs.totalWeight * r) / alpha;
      grad[0] = gr;
      grad[1] = gAlpha;
      grad[2] = ga;
      grad[3] = gb;
      return ll;
    },
  };
}

/**
 * P(alive | x, tx, T) = 1 / (1 + [x+k>0] a/(b+x+k−1) ((α+T)/(α+tx))^(r+x))
 * (FHL 2005 via their 2008 note, eq. 2; Batislam et al. 2007 eq. A5).
 */
function probabilityAlive(p: GeometricDropoutParams, shift: 0 | 1, x: number, tx: number, T: number): number {
  const m = x + shift;
  if (m === 0) return 1;
  const logOdds = Math.log(p.a / (p.b + m - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases in (T, T+t] given the customer is alive at T (FHL 2005
 * eq. 10 without its P(alive) denominator):
 *   (a+b+x+k−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+k; a+b+x+k−1; t/(α+T+t))],
 * evaluated with the power and 2F1 in log space so large x stays finite.
 * Requires a ≠ 1 (at a = 1 the expression is 0/0).
 */
function aliveExpectedPurchases(p: GeometricDropoutParams, shift: 0 | 1, t: number, x: number, T: number): number {
  const m = x + shift;
  const base = p.alpha + T;
  const logTerm = (p.r + x) * Math.log(base / (base + t)) + logHyp2f1(p.r + x, p.b + m, p.a + p.b + m - 1, t / (base + t));
  return ((p.a + p.b + m - 1) / (p.a - 1)) * -Math.expm1(logTerm);
}

/**
 * E[X(t)] for a new customer (FHL 2005 eq. 7; Batislam et al. 2007 eq. A3):
 *   B(a, b+k)/B(a, b) · (a+b+k−1)/(a−1) · [1 − (α/(α+t))^r 2F1(r, b+k; a+b+k−1; t/(α+t))].
 */
function expectedPurchases(p: GeometricDropoutParams, shift: 0 | 1, t: number): number {
  const logTerm = p.r * Math.log(p.alpha / (p.alpha + t)) + logHyp2f1(p.r, p.b + shift, p.a + p.b + shift - 1, t / (p.alpha + t));
  const survived = Math.exp(betaln(p.a, p.b + shift) - betaln(p.a, p.b));
  return survived * ((p.a + p.b + shift - 1) / (p.a - 1)) * -Math.expm1(logTerm);
}

/**
 * P(X(t) = n) for a new customer (FHL 2005 eq. 8; Batislam et al. 2007):
 *   B(a, b+n+k)/B(a,b) · NB(n) + [n+k>0] B(a+1, b+n+k−1)/B(a,b) · (1 − Σ_{j<n} NB(j)),
 * with NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j.
 */
function probabilityOfPurchases(p: GeometricDropoutParams, shift: 0 | 1, t: number, n: number): number {
  const lbAB = betaln(p.a, p.b);
  const logP0 = p.r * Math.log(p.alpha / (p.alpha + t));
  const logQ = Math.log(t / (p.alpha + t));
  const logNb = (j: number): number => gammaln(p.r + j) - gammaln(p.r) - gammaln(j + 1) + logP0 + j * logQ;
  const alive = Math.exp(betaln(p.a, p.b + n + shift) - lbAB + logNb(n));
  if (n + shift === 0) return alive;
  let below = 0;
  for (let j = 0; j < n; j++) below += Math.exp(logNb(j));
  return alive + Math.exp(betaln(p.a + 1, p.b + n + shift - 1) - lbAB) * Math.max(0, 1 - below);
}
