import stdlibHyp2f1 from "@stdlib/math-base-special-hyp2f1";
import { describe, expect, it } from "vitest";
import { hyp2f1, logHyp2f1, logHyp2f1Signed } from "./hyp2f1.ts";

describe("hyp2f1", () => {
  it("agrees with @stdlib's 2F1 to ~1e-13 where both are finite", () => {
    const cases: Array<[number, number, number, number]> = [
      [0.243, 2.426, 2.219, 52 / 56.414], // BG/NBD E[X(52)] on CDNOW
      [1, 2, 3, 0.5],
      [10, 0.5, 11, 0.99],
      [0.5, 0.3, 2, -5],
      [-3, 2, 4, 0.7], // a polynomial
      [2.5, 1.5, 0.7, 0.3],
      [0.55, 11, 12.2, 0.95],
      [3, 4, 2.5, -30],
    ];
    for (const [a, b, c, z] of cases) {
      const expected = stdlibHyp2f1(a, b, c, z);
      expect(Math.abs(hyp2f1(a, b, c, z) - expected) / Math.abs(expected)).toBeLessThan(1e-13);
    }
  });

  it("matches closed forms: 2F1(1,1;2;z) = −ln(1−z)/z and 2F1(a,b;b;z) = (1−z)^−a", () => {
    for (const z of [-1e3, -3, -0.5, 0.2, 0.9, 0.9999]) {
      const exact = -Math.log1p(-z) / z;
      expect(Math.abs(hyp2f1(1, 1, 2, z) - exact) / exact).toBeLessThan(1e-11);
    }
    expect(logHyp2f1(2.5, 7, 7, 0.3)).toBeCloseTo(-2.5 * Math.log(0.7), 13);
  });

  it("stays finite in log space where the value and the direct series overflow", () => {
    // (1−z)^−a with a = 500 at z = 0.9 is e^1151; stdlib returns Infinity.
    expect(stdlibHyp2f1(500, 501, 502, 0.9)).toBe(Number.POSITIVE_INFINITY);
    expect(logHyp2f1(500, 7, 7, 0.9)).toBeCloseTo(500 * Math.log(10), 9);
    const big = logHyp2f1(500, 501, 502, 0.9);
    expect(Number.isFinite(big)).toBe(true);
    // Bracketed by 2F1(500, 501; 501; z) ≤ F ≤ 2F1(500, 502; 502; z) = (1−z)^−500.
    expect(big).toBeLessThanOrEqual(500 * Math.log(10) + 1e-9);
    expect(big).toBeGreaterThan(400 * Math.log(10));
    // Negative z through Pfaff: 2F1(300, 2; 5; −50) ≈ Γ(5)Γ(298)/(Γ(300)Γ(3)) · 50^−2 (A&S 15.3.7 leading term).
    const leading = Math.log(24 / (2 * 299 * 298)) - 2 * Math.log(51);
    expect(logHyp2f1(300, 2, 5, -50)).toBeCloseTo(leading, 1);
  });

  it("returns NaN rather than a wrong number where its series cannot converge", () => {
    // z = −1e8 maps to w = 1 − 1e−8: billions of terms.
    expect(logHyp2f1(300, 2, 5, -1e8)).toBeNaN();
    expect(hyp2f1(1, 1, 2, 1 - 1e-9)).toBeNaN();
  });

  it("reports signs and undefined cases", () => {
    expect(logHyp2f1Signed(3, 4, 2.5, -30).sign).toBe(-1);
    expect(logHyp2f1(3, 4, 2.5, -30)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN(); // c a non-positive integer
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN(); // outside z < 1
    expect(hyp2f1(1, 1, 2, 0)).toBe(1);
  });
});
