import { describe, expect, it } from "vitest";
import { detectRising, poissonUpperTail } from "./known-problem-rising.ts";
import { nextFixedAt } from "./known-problem.ts";

describe("poissonUpperTail", () => {
  it("matches exact sums of the Poisson pmf", () => {
    // values from 1 − Σ_{i<k} e^−λ λ^i / i! in double precision
    expect(poissonUpperTail(10, 2)).toBeCloseTo(4.6498075017e-5, 14);
    expect(poissonUpperTail(3, 1)).toBeCloseTo(0.0803013970714, 12);
    expect(poissonUpperTail(30, 10)).toBeCloseTo(2.5099512e-7, 13);
    expect(poissonUpperTail(0, 5)).toBe(1);
  });
});

describe("detectRising", () => {
  it("flags a week far above the series' own history and ranks it first", () => {
    const signals = detectRising([
      { dimension: "category", key: "billing", counts: [10, 12, 9, 11, 10, 8, 12, 10, 11] },
      { dimension: "category", key: "login", counts: [2, 1, 3, 2, 2, 1, 2, 3, 12] },
      { dimension: "product", key: "prd_new", counts: [0, 0, 0, 0, 0, 0, 0, 0, 4] },
    ]);
    expect(signals.map((s) => [s.key, s.rising])).toEqual([
      ["prd_new", true],
      ["login", true],
      ["billing", false],
    ]);
    const login = signals.find((s) => s.key === "login");
    expect(login?.expected).toBe(2);
    expect(login?.zScore).toBeCloseTo(10 / Math.SQRT2, 10);
  });

  it("never raises an alarm below the minimum count", () => {
    const [signal] = detectRising([{ dimension: "product", key: "prd_1", counts: [0, 0, 0, 0, 0, 0, 0, 0, 2] }]);
    expect(signal?.pValue).toBeLessThan(0.01);
    expect(signal?.rising).toBe(false);
  });
});

describe("nextFixedAt", () => {
  const now = new Date("2026-01-10T00:00:00Z");
  const earlier = new Date("2026-01-01T00:00:00Z");
  it("sets, keeps and clears the fix time", () => {
    expect(nextFixedAt({ fixStatus: "fix_planned", fixedAt: null }, "fixed", now)).toEqual(now);
    expect(nextFixedAt({ fixStatus: "fixed", fixedAt: earlier }, "fixed", now)).toEqual(earlier);
    expect(nextFixedAt({ fixStatus: "fixed", fixedAt: earlier }, "investigating", now)).toBeNull();
  });
});
