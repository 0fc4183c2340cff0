import { describe, expect, it } from "vitest";
import { loadCdnowSummary } from "../testing/cdnow-fixture.ts";
import { maxGradientError } from "../testing/gradient-check.ts";
import { recoverParameters } from "../testing/parameter-recovery.ts";
import { bgNbd } from "./bg-nbd.ts";
import { compressSummaryRows } from "./compress-rows.ts";
import { fitMbgNbd, mbgNbd } from "./mbg-nbd.ts";

const cdnow = loadCdnowSummary();
const cdnowRows = compressSummaryRows(cdnow.x, cdnow.tx, cdnow.T);
const fit = fitMbgNbd(cdnowRows);

describe("MBG/NBD on CDNOW (Batislam, Denizel & Filiztekin 2007)", () => {
  it("reproduces BTYDplus' estimates r = 0.525, α = 6.183, a = 0.891, b = 1.614 to three decimals", () => {
    // The values lifetimes' test suite checks against BTYDplus (mbgnbd.EstimateParameters).
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(0.525, 3);
    expect(fit.params.alpha).toBeCloseTo(6.183, 3);
    expect(fit.params.a).toBeCloseTo(0.891, 3);
    expect(fit.params.b).toBeCloseTo(1.614, 3);
    expect(fit.logLikelihood).toBeGreaterThan(-9583);
  });

  it("tracks the BG/NBD closely on these data, as lifetimes reports", () => {
    // lifetimes checks the MBG/NBD against the BG/NBD spreadsheet values within 5%.
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(Math.abs(mbgNbd.expectedPurchases(fit.params, t) / expected[i]! - 1)).toBeLessThan(0.05));
    expect(Math.abs(mbgNbd.conditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(0.05);
  });

  it("lets customers without repeat purchases be inactive (P(alive) < 1)", () => {
    expect(mbgNbd.probabilityAlive(fit.params, 0, 0, 38)).toBeLessThan(1);
    expect(mbgNbd.probabilityAlive(fit.params, 0, 0, 38)).toBeGreaterThan(0);
  });

  it("equals the BG/NBD with b + 1 for a customer already known to be alive", () => {
    // After x purchases an MBG customer has survived x + 1 dropout chances.
    const p = fit.params;
    const shifted = { ...p, b: p.b + 1 };
    const mbgAlive = mbgNbd.conditionalExpectedPurchases(p, 39, 3, 38, 38) / mbgNbd.probabilityAlive(p, 3, 38, 38);
    const bgAlive = bgNbd.conditionalExpectedPurchases(shifted, 39, 3, 38, 38) / bgNbd.probabilityAlive(shifted, 3, 38, 38);
    expect(mbgAlive).toBeCloseTo(bgAlive, 12);
  });
});

describe("MBG/NBD likelihood", () => {
  it("has an analytic gradient that matches finite differences", () => {
    const model = mbgNbd.likelihood(cdnowRows);
    for (const point of [[0.525, 6.183, 0.891, 1.614], [2, 0.5, 3, 0.4], [0.05, 40, 0.2, 15]]) {
      expect(maxGradientError(model, point)).toBeLessThan(1e-4);
    }
  });

  it("gives finite results for extreme customers", () => {
    const rows = compressSummaryRows([0, 400, 500, 250], [0, 78, 1, 77.9], [78, 78, 37, 78]);
    const grad = new Float64Array(4);
    expect(Number.isFinite(mbgNbd.likelihood(rows).logLikelihood(Float64Array.from([0.525, 6.183, 0.891, 1.614]), grad))).toBe(true);
    expect(grad.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(mbgNbd.conditionalExpectedPurchases(fit.params, 39, 500, 1, 37))).toBe(true);
  });
});

describe("MBG/NBD parameter recovery", () => {
  it("recovers the parameters of 10,000 simulated customers within 4 standard errors", () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 3 };
    const { fit: result, errorsInStandardErrors } = recoverParameters(mbgNbd, { model: "mbg-nbd", ...truth }, truth, 20070301);
    expect(result.converged).toBe(true);
    for (const error of Object.values(errorsInStandardErrors)) expect(error).toBeLessThan(4);
  });
});
