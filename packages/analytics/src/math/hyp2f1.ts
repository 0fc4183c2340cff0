/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real parameters and real
 * z < 1, evaluated in log space so that it stays finite where the value (or
 * the terms of the direct series) overflow a double, e.g. 2F1(500, 501; 502;
 * 0.9) ≈ e^1150.
 *
 * Method (Abramowitz & Stegun 1964, §15.3): the power series (A&S 15.1.1),
 * after
 *  - z < 0: Pfaff's transformation (A&S 15.3.4)
 *      2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1)),
 *    which maps z to w = z/(z−1) in (0, 1);
 *  - 0 ≤ z < 1: Euler's transformation (A&S 15.3.3)
 *      2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a, c−b; c; z)
 *    whenever c − a − b < 0 or it makes the numerator parameters smaller, so
 *    the remaining series has bounded, fast-decaying terms.
 * The series is summed with a running power-of-ten rescaling (no overflow),
 * and stops on a rigorous geometric bound of the remaining tail. Where the
 * transformed argument is within ~1e-5 of 1 (about log(ε)/log(z) terms, more
 * than two million) or an alternating series cancels away more than ten
 * digits, the result is NaN rather than a silently wrong number. Within
 * those limits (all uses in the BTYD models) the relative error is ~1e-14.
 */
export interface SignedLog {
  /** −1, 0 or +1. */
  sign: number;
  /** log |value|; −Infinity when the value is 0. */
  log: number;
}

const MAX_TERMS = 2_000_000;
const EPSILON = 1e-16;
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);

/** log 2F1(a, b; c; z) for a positive value; NaN when the value is ≤ 0 or undefined. */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  const r = logHyp2f1Signed(a, b, c, z);
  return r.sign > 0 ? r.log : Number.NaN;
}

/** 2F1(a, b; c; z) on the plain scale (may be ±Infinity when it overflows; use logHyp2f1 then). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const r = logHyp2f1Signed(a, b, c, z);
  return r.sign * Math.exp(r.log);
}

/** Sign and log-magnitude of 2F1(a, b; c; z), real z < 1. */
export function logHyp2f1Signed(a: number, b: number, c: number, z: number): SignedLog {
  if (!(z < 1) || Number.isNaN(a + b + c) || (c <= 0 && Number.isInteger(c))) return { sign: Number.NaN, log: Number.NaN };
  if (z === 0) return { sign: 1, log: 0 };
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1−z)^−a 2F1(a, c−b; c; w) = (1−z)^−b 2F1(b, c−a; c; w).
    // Prefer the form whose series has positive terms (no cancellation).
    const w = z / (z - 1);
    const log1mz = Math.log1p(-z);
    const positiveA = a > 0 && c - b > 0;
    const positiveB = b > 0 && c - a > 0;
    const useA = positiveA === positiveB ? Math.abs(a * (c - b)) <= Math.abs(b * (c - a)) : positiveA;
    const s = useA ? seriesLog(a, c - b, c, w) : seriesLog(b, c - a, c, w);
    return { sign: s.sign, log: s.log - (useA ? a : b) * log1mz };
  }
  // Euler when the direct series would grow (c − a − b < 0) or its terms are larger.
  const direct = a > 0 && b > 0;
  const euler = c - a > 0 && c - b > 0;
  const useEuler = direct === euler ? c - a - b < 0 || Math.abs((c - a) * (c - b)) < Math.abs(a * b) : euler;
  if (useEuler) {
    const s = seriesLog(c - a, c - b, c, z);
    return { sign: s.sign, log: s.log + (c - a - b) * Math.log1p(-z) };
  }
  return seriesLog(a, b, c, z);
}

/** The power series Σ (a)_n (b)_n / ((c)_n n!) z^n in log-scaled arithmetic, |z| < 1. */
function seriesLog(a: number, b: number, c: number, z: number): SignedLog {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  let largest = 1;
  let converged = false;
  const absZ = Math.abs(z);
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    if (term === 0) {
      converged = true; // a or b a non-positive integer: a polynomial
      break;
    }
    sum += term;
    if (Math.abs(sum) > RESCALE || Math.abs(term) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      largest /= RESCALE;
      logScale += LOG_RESCALE;
    }
    largest = Math.max(largest, Math.abs(term));
    if (c + n + 1 > 0) {
      // For every later m > n the ratio is bounded by rho, which decreases in m,
      // so the tail is at most |term| rho / (1 − rho).
      const m = n + 1;
      const rho = absZ * Math.min(
        (1 + Math.abs(a - 1) / (m + 1)) * (1 + Math.abs(b - c) / (c + m)),
        (1 + Math.abs(b - 1) / (m + 1)) * (1 + Math.abs(a - c) / (c + m)),
      );
      if (rho < 1 && Math.abs(term) * rho <= EPSILON * (1 - rho) * Math.abs(sum)) {
        converged = true;
        break;
      }
    }
  }
  if (!converged || largest > 1e10 * Math.abs(sum)) return { sign: Number.NaN, log: Number.NaN };
  if (sum === 0) return { sign: 0, log: Number.NEGATIVE_INFINITY };
  return { sign: Math.sign(sum), log: Math.log(Math.abs(sum)) + logScale };
}
