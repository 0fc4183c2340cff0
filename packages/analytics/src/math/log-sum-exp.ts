/**
 * log(e^a + e^b) without overflow or underflow: factor out the larger term.
 * Either argument may be −Infinity (a term that is exactly zero).
 */
export function logSumExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log Σ e^{v_i} over an array, factoring out the maximum. */
export function logSumExpArray(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

/**
 * log(e^a − e^b) for a ≥ b; −Infinity when they are equal. Uses log1p(−e^{b−a})
 * (or log(−expm1) near a = b) so the difference keeps its relative accuracy.
 */
export function logDiffExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  const d = b - a;
  if (d > 0) return Number.NaN;
  return a + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}

/**
 * log(e^a + e^b), writing into share[0] the share e^b / (e^a + e^b) of the
 * second term (the weight of its gradient in the sum), without overflow.
 */
export function logSumExpShare(a: number, b: number, share: Float64Array): number {
  const d = b - a;
  if (d > 0) {
    const e = Math.exp(-d);
    share[0] = 1 / (1 + e);
    return b + Math.log1p(e);
  }
  const e = Math.exp(d);
  share[0] = e / (1 + e);
  return a + Math.log1p(e);
}
