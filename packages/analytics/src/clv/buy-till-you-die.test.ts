import { describe, expect, it } from "vitest";
import { loadCdnowSummary } from "../testing/cdnow-fixture.ts";
import { purchaseDistributionMoments } from "../testing/parameter-recovery.ts";
import { bgNbd } from "./bg-nbd.ts";
import type { BuyTillYouDieModel } from "./buy-till-you-die.ts";
import { compressSummaryRows } from "./compress-rows.ts";
import { mbgNbd } from "./mbg-nbd.ts";
import { paretoNbd } from "./pareto-nbd.ts";

const cdnow = loadCdnowSummary();
const rows = compressSummaryRows(cdnow.x, cdnow.tx, cdnow.T);

/** Fit a model to CDNOW and score every customer over the 39-week holdout. */
function fitAndScore<Name extends string>(model: BuyTillYouDieModel<Name>) {
  const fit = model.fit(rows);
  const out = { probabilityAlive: new Float64Array(cdnow.x.length), expectedPurchases: new Float64Array(cdnow.x.length) };
  model.score(fit.params, cdnow, 39, out);
  return { fit, out };
}

const models = { bgNbd, mbgNbd, paretoNbd } as const;
const results = {
  bgNbd: fitAndScore(bgNbd),
  mbgNbd: fitAndScore(mbgNbd),
  paretoNbd: fitAndScore(paretoNbd),
};

describe("buy-till-you-die models, cross-checked on CDNOW", () => {
  it("score() writes what the one-customer functions return", () => {
    const check = <Name extends string>(model: BuyTillYouDieModel<Name>, result: ReturnType<typeof fitAndScore<Name>>) => {
      for (const i of [0, 1, 2, 100, 1500, 2356]) {
        const [x, tx, T] = [cdnow.x[i]!, cdnow.tx[i]!, cdnow.T[i]!];
        expect(result.out.probabilityAlive[i]).toBe(model.probabilityAlive(result.fit.params, x, tx, T));
        expect(result.out.expectedPurchases[i]).toBeCloseTo(model.conditionalExpectedPurchases(result.fit.params, 39, x, tx, T), 12);
      }
    };
    check(models.bgNbd, results.bgNbd);
    check(models.mbgNbd, results.mbgNbd);
    check(models.paretoNbd, results.paretoNbd);
  });

  it("have P(X(t) = n) distributions (FHL 2005 eq. 8 and kin) that sum to 1 with mean E[X(t)]", () => {
    const check = <Name extends string>(model: BuyTillYouDieModel<Name>, params: Readonly<Record<Name, number>>) => {
      for (const t of [1, 52, 78]) {
        const moments = purchaseDistributionMoments(model, params, t);
        expect(moments.smallest).toBeGreaterThanOrEqual(0);
        expect(moments.total).toBeCloseTo(1, 8);
        expect(moments.mean).toBeCloseTo(model.expectedPurchases(params, t), 6);
      }
    };
    check(models.bgNbd, results.bgNbd.fit.params);
    check(models.mbgNbd, results.mbgNbd.fit.params);
    check(models.paretoNbd, results.paretoNbd.fit.params);
  });

  it("track cumulative repeat purchases to week 78 (the tracking comparison of FHL 2005)", () => {
    // A customer of age T at week 39 is expected to have made E[X(T + 39)]
    // repeat purchases by week 78; actual: 2,457 + 1,882 = 4,339. Predicted:
    // Pareto/NBD 4,270 (−1.6%), BG/NBD 4,161 (−4.1%), MBG/NBD 4,050 (−6.7%).
    const check = <Name extends string>(model: BuyTillYouDieModel<Name>, params: Readonly<Record<Name, number>>, tolerance: number) => {
      let predicted = 0, actual = 0;
      for (let i = 0; i < cdnow.x.length; i++) {
        predicted += model.expectedPurchases(params, cdnow.T[i]! + 39);
        actual += cdnow.x[i]! + cdnow.xStar[i]!;
      }
      expect(actual).toBe(4339);
      expect(Math.abs(predicted / actual - 1)).toBeLessThan(tolerance);
    };
    check(models.bgNbd, results.bgNbd.fit.params, 0.05);
    check(models.mbgNbd, results.mbgNbd.fit.params, 0.07);
    check(models.paretoNbd, results.paretoNbd.fit.params, 0.02);
  });

  it("agree on the holdout total within 6% of each other", () => {
    const totals = Object.values(results).map(({ out }) => out.expectedPurchases.reduce((a, b) => a + b, 0));
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    for (const total of totals) expect(Math.abs(total / mean - 1)).toBeLessThan(0.06);
  });

  it("rank customers alike: expected holdout purchases correlate above 0.95 between BG/NBD and Pareto/NBD", () => {
    // P(alive) itself differs by design: the BG/NBD holds every customer
    // without a repeat purchase alive; the Pareto/NBD does not.
    expect(correlation(results.bgNbd.out.expectedPurchases, results.paretoNbd.out.expectedPurchases)).toBeGreaterThan(0.95);
    const repeat = (values: Float64Array) => values.filter((_, i) => cdnow.x[i]! > 0);
    expect(correlation(repeat(results.bgNbd.out.probabilityAlive), repeat(results.paretoNbd.out.probabilityAlive))).toBeGreaterThan(0.9);
  });

  it("fit all three models with nearly the same log-likelihood (FHL 2005 Table 1: −9582.4 vs −9595.0)", () => {
    expect(results.bgNbd.fit.logLikelihood - results.paretoNbd.fit.logLikelihood).toBeCloseTo(12.6, 0);
    expect(Math.abs(results.mbgNbd.fit.logLikelihood - results.bgNbd.fit.logLikelihood)).toBeLessThan(1);
  });
});

function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}
