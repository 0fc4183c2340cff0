import { describe, expect, it } from "vitest";
import { compareRecoveryCohorts, wilsonInterval, type ProportionEstimate, type RecoveryCohort } from "./recovery-paradox.ts";
import { describeRecoveryComparison } from "./recovery-report-texts.ts";

describe("wilsonInterval", () => {
  it("matches the closed forms at the edges: 0/n has upper z²/(n+z²), n/n has lower n/(n+z²)", () => {
    const z2 = 1.959963984540054 ** 2;
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(z2 / (10 + z2), 12);
    const all = wilsonInterval(10, 10);
    expect(all.low).toBeCloseTo(10 / (10 + z2), 12);
    expect(all.high).toBe(1);
  });

  it("gives the published intervals (Newcombe 1998, Stat Med 17:857, table I: 81/263 and 15/148)", () => {
    const a = wilsonInterval(81, 263);
    expect(a.rate).toBeCloseTo(0.308, 3);
    expect(a.low).toBeCloseTo(0.2553, 4);
    expect(a.high).toBeCloseTo(0.3662, 4);
    const b = wilsonInterval(15, 148);
    expect(b.low).toBeCloseTo(0.0624, 4);
    expect(b.high).toBeCloseTo(0.1605, 4);
  });

  it("is symmetric around one half and narrows as n grows", () => {
    const small = wilsonInterval(5, 10);
    expect(small.low).toBeCloseTo(1 - (small.high ?? 0), 12);
    const big = wilsonInterval(500, 1000);
    expect((big.high ?? 0) - (big.low ?? 0)).toBeLessThan((small.high ?? 0) - (small.low ?? 0));
  });

  it("has no rate for an empty group and refuses impossible counts", () => {
    expect(wilsonInterval(0, 0)).toEqual({ count: 0, n: 0, rate: null, low: null, high: null });
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });
});

const groups = (recovered: [number, number, number], unresolved: [number, number, number], none: [number, number, number]) => {
  const e = ([n, rep, churn]: [number, number, number]) => ({ repurchase: wilsonInterval(rep, n), churn: wilsonInterval(churn, n) });
  return { recovered: e(recovered), unresolved_failure: e(unresolved), no_case: e(none) } satisfies Record<RecoveryCohort, { repurchase: ProportionEstimate; churn: ProportionEstimate }>;
};

describe("compareRecoveryCohorts", () => {
  it("refuses to conclude from small groups even when the rates look far apart", () => {
    const verdicts = compareRecoveryCohorts(groups([8, 8, 0], [9, 0, 9], [1000, 400, 500]));
    expect(verdicts.every((v) => v.verdict === "not_enough_data")).toBe(true);
  });

  it("says 'no clear difference' when intervals overlap, and names a difference only when they do not", () => {
    const verdicts = compareRecoveryCohorts(groups([100, 60, 30], [100, 30, 60], [2000, 1100, 800]));
    expect(verdicts).toEqual([
      { against: "no_case", metric: "repurchase", verdict: "no_clear_difference" },
      { against: "no_case", metric: "churn", verdict: "no_clear_difference" },
      { against: "unresolved_failure", metric: "repurchase", verdict: "recovered_better" },
      { against: "unresolved_failure", metric: "churn", verdict: "recovered_better" },
    ]);
    const worse = compareRecoveryCohorts(groups([200, 40, 150], [200, 40, 150], [5000, 3000, 1000]));
    expect(worse.filter((v) => v.against === "no_case").map((v) => v.verdict)).toEqual(["recovered_worse", "recovered_worse"]);
  });

  it("words each verdict in every language, with the counts when data is short", () => {
    const g = groups([8, 8, 0], [100, 30, 60], [2000, 1100, 800]);
    const [first] = compareRecoveryCohorts(g);
    if (first === undefined) throw new Error("no comparison");
    expect(describeRecoveryComparison("en", first, g.recovered.repurchase, g.no_case.repurchase, 30)).toBe(
      "Not enough data to compare the repurchase rate of recovered customers with customers who never had a case: each group needs at least 30 customers (now 8 and 2000).",
    );
    expect(describeRecoveryComparison("ja", first, g.recovered.repurchase, g.no_case.repurchase, 30)).toContain("データが不足しています");
    const clear = compareRecoveryCohorts(groups([100, 60, 30], [100, 30, 60], [2000, 1100, 800]))[2];
    if (clear === undefined) throw new Error("no comparison");
    const g2 = groups([100, 60, 30], [100, 30, 60], [2000, 1100, 800]);
    expect(describeRecoveryComparison("ru", clear, g2.recovered.repurchase, g2.unresolved_failure.repurchase, 30)).toContain("выше");
    expect(describeRecoveryComparison("zh", clear, g2.recovered.repurchase, g2.unresolved_failure.repurchase, 30)).toContain("60%对30%");
  });
});
