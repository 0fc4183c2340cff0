import betaln from "@stdlib/math-base-special-betaln";
import digamma from "@stdlib/math-base-special-digamma";
import { invalidInput } from "@tenure/shared";
import { logHyp2f1 } from "../math/hyp2f1.ts";
import { fitModel, type FitOptions, type FitResult, type LikelihoodModel } from "./fit-model.ts";

/**
 * sBG: the shifted-beta-geometric model of contract renewals (Fader & Hardie
 * 2007, "How to Project Customer Retention", Journal of Interactive Marketing
 * 21(1)). At the end of each period a customer cancels with probability θ,
 * constant for her and distributed beta(alpha, beta) across customers.
 */
export type SbgParamName = "alpha" | "beta";
export type SbgParams = Readonly<Record<SbgParamName, number>>;

/**
 * One row per customer or per group of identical customers:
 * `recency` = the period in which the customer churned (1, 2, ...), and
 * `T` = the period the cohort has reached. recency = T marks a customer still
 * active in period T (she has renewed T − 1 times, her churn is unseen); she
 * contributes S(T − 1). recency < T contributes P(churn in period recency).
 */
export interface SbgRows {
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  weight?: ArrayLike<number>;
}

const PARAM_NAMES: readonly SbgParamName[] = ["alpha", "beta"];

/**
 * Fit sBG by maximum likelihood with the shared fitter: the likelihood of
 * Fader & Hardie (2007) Appendix B, eq. (B3), with T and the churn periods
 * free to vary by row (so several cohorts of different ages fit together).
 */
export function fitSbg(rows: SbgRows, options: FitOptions = {}): FitResult<SbgParamName> {
  return fitModel(sbgModel(rows), options);
}

/** The sBG likelihood over `rows`, for the shared fitter (analytic gradient). */
export function sbgModel(rows: SbgRows): LikelihoodModel<SbgParamName> {
  const count = rows.recency.length;
  if (rows.T.length !== count || (rows.weight && rows.weight.length !== count)) {
    throw invalidInput("rows", "recency, T and weight must have the same length");
  }
  for (let i = 0; i < count; i++) {
    const t = rows.recency[i]!, T = rows.T[i]!;
    if (!Number.isInteger(t) || !Number.isInteger(T) || t < 1 || t > T) {
      throw invalidInput("rows", `row ${i}: need whole numbers 1 ≤ recency ≤ T`, { row: i, recency: t, T });
    }
  }
  return {
    paramNames: PARAM_NAMES,
    logLikelihood(params, grad) {
      const alpha = params[0]!, beta = params[1]!;
      const lbab = betaln(alpha, beta);
      const psiA = digamma(alpha), psiA1 = digamma(alpha + 1), psiB = digamma(beta), psiAB = digamma(alpha + beta);
      let total = 0, gA = 0, gB = 0;
      for (let i = 0; i < count; i++) {
        const w = rows.weight ? rows.weight[i]! : 1;
        if (w === 0) continue;
        const t = rows.recency[i]!, T = rows.T[i]!;
        if (t < T) {
          // P(T = t) = B(α+1, β+t−1) / B(α, β)
          const psiTotal = digamma(alpha + beta + t);
          total += w * (betaln(alpha + 1, beta + t - 1) - lbab);
          gA += w * (psiA1 - psiTotal - psiA + psiAB);
          gB += w * (digamma(beta + t - 1) - psiTotal - psiB + psiAB);
        } else {
          // S(T−1) = B(α, β+T−1) / B(α, β)
          const psiTotal = digamma(alpha + beta + T - 1);
          total += w * (betaln(alpha, beta + T - 1) - lbab);
          gA += w * (psiA - psiTotal - psiA + psiAB);
          gB += w * (digamma(beta + T - 1) - psiTotal - psiB + psiAB);
        }
      }
      grad[0] = gA;
      grad[1] = gB;
      return total;
    },
  };
}

/** P(T = t): probability a new customer churns in period t, B(α+1, β+t−1)/B(α, β) (Fader & Hardie 2007). */
export function sbgChurnProbability(params: SbgParams, t: number): number {
  return Math.exp(betaln(params.alpha + 1, params.beta + t - 1) - betaln(params.alpha, params.beta));
}

/** S(t): probability a new customer is still active after t periods, B(α, β+t)/B(α, β) (Fader & Hardie 2007). */
export function sbgSurvival(params: SbgParams, t: number): number {
  return Math.exp(betaln(params.alpha, params.beta + t) - betaln(params.alpha, params.beta));
}

/**
 * r(t) = S(t)/S(t−1) = (β + t − 1)/(α + β + t − 1): the share of customers
 * active in period t − 1 who renew for period t. It rises with t because the
 * customers with high θ leave first (Fader & Hardie 2007).
 */
export function sbgRetentionRate(params: SbgParams, t: number): number {
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/**
 * DERL: discounted expected residual lifetime, in payments, of a customer who
 * has made `renewals` renewals (n − 1 in the paper) and is about to decide on
 * the next one: Σ_{t≥n} S(t)/S(n−1) / (1+d)^(t−n), so the payment of the
 * renewal being decided now is not discounted and each later one is
 * discounted one more period (Fader & Hardie 2010, "Customer-Base Valuation in a
 * Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing
 * Science 29(1), eq. 6):
 *   DERL = B(α, β+n)/B(α, β+n−1) · 2F1(1, β+n; α+β+n; 1/(1+d)).
 * Multiply by the margin per period for the expected residual value.
 */
export function sbgDiscountedExpectedResidualLifetime(params: SbgParams, discountRate: number, renewals: number): number {
  if (!(discountRate > 0)) throw invalidInput("discountRate", "the discount rate must be positive (DERL is infinite at 0 for many α)");
  const { alpha, beta } = params;
  const n = renewals + 1;
  const logRatio = betaln(alpha, beta + n) - betaln(alpha, beta + n - 1);
  return Math.exp(logRatio + logHyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + discountRate)));
}
