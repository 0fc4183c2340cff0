/**
 * log ∫_lo^hi e^{logF(x)} dx by composite Gauss–Legendre quadrature
 * (Abramowitz & Stegun 1964, 25.4.29): `panels` equal panels of a 20-point
 * rule each, exact for polynomials of degree 39 per panel. The integrand is
 * given by its logarithm, the largest sampled value is factored out and the
 * result is returned as a logarithm, so integrands and integrals far below or
 * above the double range stay finite. −Infinity for an empty interval.
 */
export function gaussLegendreLog(logF: (x: number) => number, lo: number, hi: number, panels = 16): number {
  if (!(hi > lo)) return Number.NEGATIVE_INFINITY;
  const k = NODES.length;
  const values = new Float64Array(panels * k);
  const width = (hi - lo) / panels;
  let max = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < panels; p++) {
    const mid = lo + (p + 0.5) * width;
    for (let i = 0; i < k; i++) {
      const v = logF(mid + (width / 2) * NODES[i]!);
      values[p * k + i] = v;
      if (v > max) max = v;
    }
  }
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (let p = 0; p < panels; p++) for (let i = 0; i < k; i++) sum += WEIGHTS[i]! * Math.exp(values[p * k + i]! - max);
  return max + Math.log(sum * (width / 2));
}

/** Nodes and weights of the k-point rule on [−1, 1], by Newton's method on P_k. */
function legendreRule(k: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(k);
  const weights = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (k + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      // P_k(x) and P_k'(x) by the three-term recurrence.
      let p0 = 1, p1 = x;
      for (let j = 2; j <= k; j++) [p0, p1] = [p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j];
      dp = (k * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
}

const { nodes: NODES, weights: WEIGHTS } = legendreRule(20);
