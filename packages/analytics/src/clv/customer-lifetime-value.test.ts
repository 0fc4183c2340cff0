import { describe, expect, it } from "vitest";
import { customerLifetimeValue } from "./customer-lifetime-value.ts";
import { bgBbConditionalExpectedTransactions, type BgBbParams } from "./bg-bb.ts";

describe("customerLifetimeValue", () => {
  it("is the discounted annuity of a constant purchase rate", () => {
    const rates = [0.5, 2];
    const spend = [10, 30];
    const d = 0.01;
    const clv = customerLifetimeValue({
      expectedPurchases: (t, out) => rates.forEach((r, i) => { out[i] = r * t; }),
      spend, periods: 12, periodLength: 30, discountRate: d, margin: 0.2,
    });
    const annuity = (1 - (1 + d) ** -12) / d;
    rates.forEach((r, i) => expect(clv[i]).toBeCloseTo(0.2 * spend[i]! * r * 30 * annuity, 10));
  });

  it("adds nothing for customers who will not buy, and everything undiscounted at d = 0", () => {
    const clv = customerLifetimeValue({
      expectedPurchases: (t, out) => { out[0] = 0; out[1] = Math.min(t, 3); },
      spend: [50, 20], periods: 6, periodLength: 1, discountRate: 0,
    });
    expect(Array.from(clv)).toEqual([0, 60]);
  });

  it("values BG/BB donors by their discounted expected donations", () => {
    const params: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
    const histories = [[6, 6, 6], [2, 4, 6], [0, 0, 6]] as const;
    const clv = customerLifetimeValue({
      expectedPurchases: (t, out) => histories.forEach(([x, tx, n], i) => { out[i] = bgBbConditionalExpectedTransactions(params, t, x, tx, n); }),
      spend: [100, 100, 100], periods: 5, periodLength: 1, discountRate: 0.1,
    });
    histories.forEach(([x, tx, n], i) => {
      let expected = 0;
      for (let k = 1; k <= 5; k++) {
        const inYear = bgBbConditionalExpectedTransactions(params, k, x, tx, n) - bgBbConditionalExpectedTransactions(params, k - 1, x, tx, n);
        expected += (100 * inYear) / 1.1 ** k;
      }
      expect(clv[i]).toBeCloseTo(expected, 10);
    });
    // Loyal, recent donors are worth the most.
    expect(clv[0]).toBeGreaterThan(clv[1]!);
    expect(clv[1]).toBeGreaterThan(clv[2]!);
  });
});
