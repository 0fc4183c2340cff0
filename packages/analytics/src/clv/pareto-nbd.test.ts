import { describe, expect, it } from "vitest";
import { gaussLegendreLog } from "../math/gauss-legendre-log.ts";
import { loadCdnowSummary } from "../testing/cdnow-fixture.ts";
import { maxGradientError } from "../testing/gradient-check.ts";
import { recoverParameters } from "../testing/parameter-recovery.ts";
import { compressSummaryRows } from "./compress-rows.ts";
import { fitParetoNbd, paretoNbd, tailIntegral } from "./pareto-nbd.ts";

const cdnow = loadCdnowSummary();
const cdnowRows = compressSummaryRows(cdnow.x, cdnow.tx, cdnow.T);
const fit = fitParetoNbd(cdnowRows);

describe("Pareto/NBD on CDNOW (Fader & Hardie 2005 note)", () => {
  it("reproduces r = 0.55, α = 10.58, s = 0.61, β = 11.67 and LL = −9595.0", () => {
    expect(fit.converged).toBe(true);
    // Printed to two decimals in the note; lifetimes checks 0.553, 10.578, 0.606, 11.669.
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.alpha).toBeCloseTo(10.578, 3);
    expect(fit.params.s).toBeCloseTo(0.606, 3);
    expect(fit.params.beta).toBeCloseTo(11.669, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
  });

  it("predicts the 39-week holdout total (x.star = 1,882) within 13%", () => {
    let predicted = 0;
    for (let i = 0; i < cdnow.x.length; i++) {
      predicted += paretoNbd.conditionalExpectedPurchases(fit.params, 39, cdnow.x[i]!, cdnow.tx[i]!, cdnow.T[i]!);
    }
    expect(Math.abs(predicted / 1882 - 1)).toBeLessThan(0.13);
  });

  it("uses the s = 1 limit of E[X(t)] and the conditional expectation without a jump", () => {
    const p = { r: 0.5, alpha: 10, s: 1, beta: 12 };
    const near = { ...p, s: 1 + 1e-9 };
    expect(paretoNbd.expectedPurchases(p, 52)).toBeCloseTo(paretoNbd.expectedPurchases(near, 52), 7);
    expect(paretoNbd.conditionalExpectedPurchases(p, 39, 3, 20, 38)).toBeCloseTo(paretoNbd.conditionalExpectedPurchases(near, 39, 3, 20, 38), 7);
  });
});

describe("Pareto/NBD tail integral G(t) = ∫_t^∞ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ", () => {
  const quadrature = (r: number, alpha: number, s: number, beta: number, x: number, t: number): number =>
    // Substitute α+τ = (α+t) e^y: the integrand then decays like e^−(r+s+x)y; cut at e^−80.
    gaussLegendreLog((y) => {
      const tau = (alpha + t) * Math.exp(y) - alpha;
      return -(r + x) * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau) + Math.log(alpha + t) + y;
    }, 0, 80 / (r + s + x), 64);

  it("matches quadrature for α > β, α < β and α = β", () => {
    const out = new Float64Array(5);
    for (const [alpha, beta] of [[10.58, 11.67], [11.67, 2], [5, 5], [0.3, 40]] as const) {
      for (const [x, t] of [[0, 0], [2, 30.43], [7, 1]] as const) {
        tailIntegral(0.55, alpha, 0.61, beta, x, t, out);
        expect(out[0]).toBeCloseTo(quadrature(0.55, alpha, 0.61, beta, x, t), 8);
      }
    }
  });

  it("stays finite for hundreds of purchases (lifetimes' overflow case)", () => {
    const out = new Float64Array(5);
    const [r, alpha, s, beta] = [10.465, 7.98565181e-3, 3.0516, 2.82];
    for (const [x, t] of [[400, 5], [500, 1], [500, 4], [500, 37]] as const) {
      tailIntegral(r, alpha, s, beta, x, t, out);
      expect(Array.from(out).every(Number.isFinite)).toBe(true);
    }
  });
});

describe("Pareto/NBD likelihood", () => {
  it("has an analytic gradient that matches finite differences, on both sides of α = β and at it", () => {
    const model = paretoNbd.likelihood(cdnowRows);
    for (const point of [[0.553, 10.578, 0.606, 11.669], [0.5, 20, 0.9, 4], [0.7, 8, 1.3, 8], [2, 0.5, 3, 0.4]]) {
      expect(maxGradientError(model, point)).toBeLessThan(1e-4);
    }
  });

  it("gives finite log-likelihood, P(alive) and expectations for extreme customers", () => {
    const x = [0, 400, 500, 500, 1, 300];
    const tx = [0, 5, 1, 4, 78, 78];
    const T = [78, 6, 37, 37, 78, 78];
    const rows = compressSummaryRows(x, tx, T);
    const grad = new Float64Array(4);
    for (const params of [[10.465, 7.98565181e-3, 3.0516, 2.82], [0.55, 10.58, 0.61, 11.67], [0.55, 10, 0.61, 10]]) {
      expect(Number.isFinite(paretoNbd.likelihood(rows).logLikelihood(Float64Array.from(params), grad))).toBe(true);
      expect(grad.every(Number.isFinite)).toBe(true);
    }
    for (let i = 0; i < x.length; i++) {
      const alive = paretoNbd.probabilityAlive(fit.params, x[i]!, tx[i]!, T[i]!);
      expect(alive >= 0 && alive <= 1).toBe(true);
      expect(Number.isFinite(paretoNbd.conditionalExpectedPurchases(fit.params, 39, x[i]!, tx[i]!, T[i]!))).toBe(true);
    }
    // Someone who bought 500 times in the first week of 37 has almost surely left.
    expect(paretoNbd.probabilityAlive(fit.params, 500, 1, 37)).toBeLessThan(1e-6);
  });
});

describe("Pareto/NBD parameter recovery", () => {
  it("recovers the parameters of 10,000 simulated customers within 4 standard errors", () => {
    const truth = { r: 0.6, alpha: 8, s: 0.8, beta: 10 };
    const { fit: result, errorsInStandardErrors } = recoverParameters(paretoNbd, { model: "pareto-nbd", ...truth }, truth, 19870101);
    expect(result.converged).toBe(true);
    for (const error of Object.values(errorsInStandardErrors)) expect(error).toBeLessThan(4);
  });
});
