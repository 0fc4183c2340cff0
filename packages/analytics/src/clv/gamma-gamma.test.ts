import { describe, expect, it } from "vitest";
import {
  fitGammaGamma, gammaGammaConditionalExpectedSpend, gammaGammaConditionalExpectedSpendMany, gammaGammaModel,
  type GammaGammaParams,
} from "./gamma-gamma.ts";
import { createRandom, type Random } from "../testing/random.ts";
import { maxGradientError } from "../testing/gradient-check.ts";
import { readCsvColumns } from "../testing/read-fixture.ts";

const cbs = readCsvColumns("BTYD_cdnowSummary_cbs.csv");
const mx = readCsvColumns("BTYD_cdnowSummary_m.x.csv");

/** Customers with x repeat purchases whose spends are gamma(p, ν), ν ~ gamma(q, γ). */
function simulate(truth: GammaGammaParams, customers: number, random: Random): { frequency: Float64Array; monetary: Float64Array } {
  const frequency = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const x = 1 + Math.floor(random.uniform() * 8);
    const nu = random.gamma(truth.q, 1 / truth.gamma); // rate γ
    let total = 0;
    for (let j = 0; j < x; j++) total += random.gamma(truth.p, 1 / nu); // rate ν
    frequency[i] = x;
    monetary[i] = total / x;
  }
  return { frequency, monetary };
}

describe("Gamma-Gamma on CDNOW (Fader & Hardie 2013)", () => {
  const frequency: number[] = [], monetary: number[] = [];
  cbs.x!.forEach((x, i) => {
    if (x > 0) {
      frequency.push(x);
      monetary.push(mx.value![i]!);
    }
  });

  it("reproduces the published estimates on the 946 repeat buyers", () => {
    expect(frequency.length).toBe(946);
    const fit = fitGammaGamma({ frequency, monetary });
    expect(fit.converged).toBe(true);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.gamma).toBeCloseTo(15.44, 2);
  });

  it("reproduces the spreadsheet's conditional expected spend for the first ten customers", () => {
    const params: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    const many = gammaGammaConditionalExpectedSpendMany(params, cbs.x!.slice(0, 10), mx.value!.slice(0, 10));
    expected.forEach((value, i) => {
      const single = gammaGammaConditionalExpectedSpend(params, cbs.x![i]!, mx.value![i]!);
      expect(Math.abs(single - value)).toBeLessThan(0.1);
      expect(many[i]).toBe(single);
    });
  });

  it("has an analytic gradient that matches finite differences", () => {
    expect(maxGradientError(gammaGammaModel({ frequency, monetary }), [5, 3, 12])).toBeLessThan(1e-6);
  });
});

describe("Gamma-Gamma moment expansion", () => {
  it("agrees with direct summation inside its reach and falls back outside it", () => {
    const rows = simulate({ p: 6, q: 3.7, gamma: 15 }, 60_000, createRandom(5));
    const direct = gammaGammaModel(rows, { expansion: false });
    const expanded = gammaGammaModel(rows, { expansion: true });
    const g1 = new Float64Array(3), g2 = new Float64Array(3);
    // The first evaluation anchors the expansion at γ = 15.
    for (const point of [[6, 3.7, 15], [5.5, 4, 19], [6.5, 3.5, 9], [6, 3.7, 40], [6, 3.7, 0.5]]) {
      const at = Float64Array.from(point);
      const a = direct.logLikelihood(at, g1);
      const b = expanded.logLikelihood(at, g2);
      expect(Math.abs(a - b)).toBeLessThan(1e-9 * Math.abs(a));
      for (let j = 0; j < 3; j++) expect(Math.abs(g1[j]! - g2[j]!)).toBeLessThan(1e-7 * Math.max(1, Math.abs(g1[j]!)));
    }
  });
});

describe("Gamma-Gamma parameter recovery", () => {
  it("recovers the parameters of 10,000 simulated repeat buyers", () => {
    const truth: GammaGammaParams = { p: 6, q: 3.7, gamma: 15 };
    const fit = fitGammaGamma(simulate(truth, 10_000, createRandom(2005)));
    // Not asserting fit.converged: on this flat p–γ ridge the log-likelihood
    // stops improving (to rounding) with a log-scale gradient near 5e-3, above
    // the shared fitter's absolute tolerance; the estimate is still settled.
    for (const name of ["p", "q", "gamma"] as const) {
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * fit.standardErrors[name]);
    }
  });

  it("fits 200,000 customers (subsample start, moment expansion) to the same optimum as direct summation", () => {
    const rows = simulate({ p: 6, q: 3.7, gamma: 15 }, 200_000, createRandom(77));
    const fast = fitGammaGamma(rows);
    const plain = fitGammaGamma(rows, { initial: [1, 1, 1] });
    for (const name of ["p", "q", "gamma"] as const) {
      // Far inside one standard error (the log-likelihood is flat to rounding there).
      expect(Math.abs(fast.params[name] - plain.params[name])).toBeLessThan(0.01 * fast.standardErrors[name]);
    }
  });
});
