import { describe, expect, it } from "vitest";
import {
  bgBbConditionalExpectedTransactions, bgBbExpectedTransactions, bgBbModel, bgBbProbabilityAlive,
  bgBbProbabilityOfTransactions, fitBgBb, type BgBbParams,
} from "./bg-bb.ts";
import { createRandom } from "../testing/random.ts";
import { maxGradientError } from "../testing/gradient-check.ts";
import { readCsvColumns } from "../testing/read-fixture.ts";

const donations = readCsvColumns("donations.csv");
const rows = { frequency: donations.frequency!, recency: donations.recency!, periods: donations.periods!, weight: donations.weights! };
const published: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

describe("BG/BB on the donations data (Fader, Hardie & Shang 2010)", () => {
  const fit = fitBgBb(rows);

  it("reproduces the published estimates and log-likelihood", () => {
    expect(fit.converged).toBe(true);
    expect(fit.params.alpha).toBeCloseTo(1.204, 2);
    expect(fit.params.beta).toBeCloseTo(0.75, 2);
    expect(fit.params.gamma).toBeCloseTo(0.657, 2);
    expect(fit.params.delta).toBeCloseTo(2.783, 2);
    expect(fit.logLikelihood).toBeCloseTo(-33225.6, 1);
    for (const se of Object.values(fit.standardErrors)) expect(se).toBeGreaterThan(0);
  });

  it("reproduces Table 6 P(alive in 2002) and the spreadsheet totals", () => {
    expect(bgBbProbabilityAlive(fit.params, 0, 0, 6)).toBeCloseTo(0.11, 2);
    expect(bgBbProbabilityAlive(fit.params, 2, 4, 6)).toBeCloseTo(0.59, 2);
    expect(bgBbProbabilityAlive(fit.params, 6, 6, 6)).toBeCloseTo(0.93, 2);
    // Hardie's BG/BB spreadsheet: expected donors with 0 and 6 repeat donations in 1996–2001 ...
    const donors = rows.weight.reduce((a, b) => a + b, 0);
    expect(donors).toBe(11104);
    expect(donors * bgBbProbabilityOfTransactions(fit.params, 0, 6)).toBeCloseTo(3454.9, 0);
    expect(donors * bgBbProbabilityOfTransactions(fit.params, 6, 6)).toBeCloseTo(1253.1, 0);
    // ... and expected repeat donations in 2002–2006 summed over all donors.
    let total = 0;
    rows.frequency.forEach((x, i) => {
      total += rows.weight[i]! * bgBbConditionalExpectedTransactions(fit.params, 5, x, rows.recency[i]!, rows.periods[i]!);
    });
    expect(total).toBeCloseTo(12884.2, 0);
  });

  it("has a distribution of X(n) that sums to one with the stated mean", () => {
    let mass = 0, mean = 0;
    for (let x = 0; x <= 6; x++) {
      const p = bgBbProbabilityOfTransactions(published, x, 6);
      mass += p;
      mean += x * p;
    }
    expect(mass).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(bgBbExpectedTransactions(published, 6), 12);
  });

  it("has an analytic gradient that matches finite differences", () => {
    expect(maxGradientError(bgBbModel(rows), [1.3, 0.7, 0.6, 2.5])).toBeLessThan(1e-6);
  });
});

describe("BG/BB parameter recovery", () => {
  it("recovers the parameters of 10,000 simulated customers over 8 opportunities", () => {
    const truth: BgBbParams = { alpha: 1.2, beta: 0.75, gamma: 0.65, delta: 2.8 };
    const random = createRandom(20100601);
    const n = 8;
    const counts = new Map<string, number>();
    for (let c = 0; c < 10_000; c++) {
      const p = random.beta(truth.alpha, truth.beta);
      const theta = random.beta(truth.gamma, truth.delta);
      let x = 0, tx = 0;
      for (let t = 1; t <= n; t++) {
        if (random.uniform() < theta) break;
        if (random.uniform() < p) {
          x++;
          tx = t;
        }
      }
      const key = `${x},${tx}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const frequency: number[] = [], recency: number[] = [], periods: number[] = [], weight: number[] = [];
    for (const [key, w] of counts) {
      const [x, tx] = key.split(",").map(Number);
      frequency.push(x!);
      recency.push(tx!);
      periods.push(n);
      weight.push(w);
    }
    const fit = fitBgBb({ frequency, recency, periods, weight });
    expect(fit.converged).toBe(true);
    for (const name of ["alpha", "beta", "gamma", "delta"] as const) {
      // Within three standard errors of the truth.
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * fit.standardErrors[name]);
    }
  });
});
