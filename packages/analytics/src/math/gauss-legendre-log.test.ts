import { describe, expect, it } from "vitest";
import { gaussLegendreLog } from "./gauss-legendre-log.ts";

describe("gaussLegendreLog", () => {
  it("integrates smooth functions to near machine precision", () => {
    expect(Math.exp(gaussLegendreLog((x) => Math.log(Math.sin(x)), 0, Math.PI, 1))).toBeCloseTo(2, 13);
    expect(Math.exp(gaussLegendreLog((x) => -x, 0, 50, 4))).toBeCloseTo(1 - Math.exp(-50), 13);
  });
  it("stays finite for integrands far outside the double range", () => {
    // ∫_0^1 e^{x−1000} dx = e^−1000 (e − 1), and likewise at +1000.
    expect(gaussLegendreLog((x) => x - 1000, 0, 1, 1)).toBeCloseTo(-1000 + Math.log(Math.E - 1), 12);
    expect(gaussLegendreLog((x) => x + 1000, 0, 1, 1)).toBeCloseTo(1000 + Math.log(Math.E - 1), 12);
  });
  it("returns −Infinity on an empty interval", () => {
    expect(gaussLegendreLog(() => 0, 1, 1)).toBe(Number.NEGATIVE_INFINITY);
  });
});
