/**
 * Sufficient statistics of the three ACSI items (overall satisfaction,
 * expectations met, closeness to the ideal; each 1–10) over complete
 * answers: the count, the sums and the sums of cross-products. A database
 * computes them with one aggregate, however many answers there are.
 */
export interface AcsiSums {
  n: number;
  /** Σ xᵢ for the three items. */
  sum: readonly [number, number, number];
  /** Σ xᵢxⱼ, row-major 3 × 3. */
  crossProducts: readonly (readonly [number, number, number])[];
}

export type AcsiTriple = readonly [number, number, number];

export interface SatisfactionIndex {
  n: number;
  /** 0–100; null without answers. */
  csi: number | null;
  means: AcsiTriple | null;
  weights: AcsiTriple;
  /** "estimated" from the data, or "equal" when there are too few answers or the data do not support a weighting. */
  weighting: "estimated" | "equal";
}

/** Fewer complete answers than this and the weights are equal. */
export const minAnswersForWeights = 100;

const equalWeights: AcsiTriple = [1 / 3, 1 / 3, 1 / 3];

/** Accumulate ACSI answers into their sufficient statistics. */
export function acsiSums(answers: Iterable<AcsiTriple>): AcsiSums {
  const sum: [number, number, number] = [0, 0, 0];
  const cp: [number, number, number][] = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  let n = 0;
  for (const x of answers) {
    n++;
    for (let i = 0; i < 3; i++) {
      const xi = x[i] ?? 0;
      sum[i] = (sum[i] ?? 0) + xi;
      const row = cp[i];
      if (row === undefined) continue;
      for (let j = 0; j < 3; j++) row[j] = (row[j] ?? 0) + xi * (x[j] ?? 0);
    }
  }
  return { n, sum, crossProducts: cp };
}

/**
 * ACSI-style Customer Satisfaction Index: CSI = Σ wᵢ (x̄ᵢ − 1) / 9 × 100,
 * 0–100 from the three 1–10 items. With at least `minAnswers` complete
 * answers the weights are the loadings of the first principal component of
 * the items' covariance matrix, normalised to sum to 1 — the weights a
 * single-block PLS (Mode A) composite converges to, which is how ACSI
 * weights its satisfaction indicators (Fornell et al. 1996). If any loading
 * is not positive (the items do not measure one thing) or the variance is
 * zero, or there are fewer answers, the weights are equal.
 */
export function customerSatisfactionIndex(sums: AcsiSums, minAnswers: number = minAnswersForWeights): SatisfactionIndex {
  const { n } = sums;
  if (n === 0) return { n, csi: null, means: null, weights: equalWeights, weighting: "equal" };
  const means: AcsiTriple = [sums.sum[0] / n, sums.sum[1] / n, sums.sum[2] / n];
  const estimated = n >= minAnswers ? principalWeights(covariance(sums, means)) : null;
  const weights = estimated ?? equalWeights;
  return { n, csi: csiFromMeans(means, weights), means, weights, weighting: estimated === null ? "equal" : "estimated" };
}

/** CSI of item means under given weights (e.g. a customer's means under the workspace's weights). */
export function csiFromMeans(means: AcsiTriple, weights: AcsiTriple): number {
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < 3; i++) {
    weighted += (weights[i] ?? 0) * ((means[i] ?? 1) - 1);
    total += weights[i] ?? 0;
  }
  // dividing by Σw (= 1 up to rounding) keeps 10/10/10 at exactly 100
  return total > 0 ? ((weighted / total) * 100) / 9 : 0;
}

function covariance(sums: AcsiSums, means: AcsiTriple): number[][] {
  const { n } = sums;
  return [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => ((sums.crossProducts[i]?.[j] ?? 0) - n * (means[i] ?? 0) * (means[j] ?? 0)) / Math.max(1, n - 1)),
  );
}

/** Leading eigenvector of a symmetric 3 × 3 matrix by power iteration, scaled to sum to 1; null when unusable. */
function principalWeights(m: number[][]): AcsiTriple | null {
  const trace = (m[0]?.[0] ?? 0) + (m[1]?.[1] ?? 0) + (m[2]?.[2] ?? 0);
  if (!(trace > 1e-12)) return null;
  let v = [1, 1, 1];
  for (let iter = 0; iter < 200; iter++) {
    const next = [0, 1, 2].map((i) => (m[i]?.[0] ?? 0) * (v[0] ?? 0) + (m[i]?.[1] ?? 0) * (v[1] ?? 0) + (m[i]?.[2] ?? 0) * (v[2] ?? 0));
    const norm = Math.hypot(...next);
    if (!(norm > 0)) return null;
    const unit = next.map((x) => x / norm);
    const change = Math.hypot(...unit.map((x, i) => x - (v[i] ?? 0)));
    v = unit;
    if (change < 1e-12) break;
  }
  const total = v.reduce((a, b) => a + b, 0);
  if (v.some((x) => !(x > 0)) || !(total > 0)) return null;
  return [(v[0] ?? 0) / total, (v[1] ?? 0) / total, (v[2] ?? 0) / total];
}
