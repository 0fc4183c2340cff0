import { describe, expect, it } from "vitest";
import { logDiffExp, logSumExp, logSumExpArray } from "./log-sum-exp.ts";

describe("logSumExp", () => {
  it("matches the direct formula where that is finite", () => {
    expect(logSumExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 15);
    expect(logSumExpArray([0, Math.log(2), Math.log(3)])).toBeCloseTo(Math.log(6), 15);
  });
  it("stays finite far outside the double range", () => {
    expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
    expect(logSumExpArray([-800, -800, -800])).toBeCloseTo(-800 + Math.log(3), 12);
  });
  it("treats −Infinity as a zero term", () => {
    expect(logSumExp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
    expect(logSumExpArray([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe("logDiffExp", () => {
  it("keeps relative accuracy for close and distant arguments", () => {
    expect(logDiffExp(Math.log(5), Math.log(3))).toBeCloseTo(Math.log(2), 15);
    expect(logDiffExp(0, -1e-12)).toBeCloseTo(Math.log(1e-12), 6);
    expect(logDiffExp(700, 0)).toBeCloseTo(700, 12);
    expect(logDiffExp(-900, -900)).toBe(Number.NEGATIVE_INFINITY);
  });
  it("returns NaN when the difference would be negative", () => {
    expect(logDiffExp(0, 1)).toBeNaN();
  });
});
