import { describe, expect, it } from "vitest";
import { minimize } from "./minimize.ts";

describe("minimize (BFGS)", () => {
  it("finds the minimum of the Rosenbrock function", () => {
    const r = minimize((x, g) => {
      const a = x[0]!, b = x[1]!;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    }, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });
  it("minimises a 4-d quadratic exactly", () => {
    const c = [1, -2, 3, 0.5];
    const r = minimize((x, g) => {
      let v = 0;
      for (let i = 0; i < 4; i++) {
        const d = x[i]! - c[i]!;
        v += (i + 1) * d * d;
        g[i] = 2 * (i + 1) * d;
      }
      return v;
    }, [0, 0, 0, 0]);
    expect(r.converged).toBe(true);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(c[i]!, 6));
  });
  it("reports a non-finite start instead of throwing", () => {
    const r = minimize(() => Number.NaN, [0]);
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/not finite/);
  });
});
