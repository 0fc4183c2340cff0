/**
 * Quasi-Newton (BFGS) minimisation with a Wolfe line search, for smooth
 * objectives with analytic gradients (Nocedal & Wright 2006, "Numerical
 * Optimization", Algorithm 6.1 with the line search of Algorithm 3.5).
 * Used by every model fit on unconstrained (log) parameters.
 */

/** Returns the objective value and writes the gradient into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface MinimizeOptions {
  /**
   * Stop when the infinity norm of the gradient is below this times
   * max(1, |f|). Relative, because a log-likelihood summed over a million
   * customers cannot reach an absolute 1e-6 gradient in double precision.
   */
  gradientTolerance?: number;
  /** Stop when the objective improves by less than this relative amount. */
  relativeTolerance?: number;
  maxIterations?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  converged: boolean;
  /** Why the iteration stopped, in words a user can read. */
  message: string;
}

/** Minimise `f` from `x0` with BFGS. */
export function minimize(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const gtolRelative = options.gradientTolerance ?? 1e-8;
  const tolerance = (value: number): number => gtolRelative * Math.max(1, Math.abs(value));
  const rtol = options.relativeTolerance ?? 1e-12;
  const maxIter = options.maxIterations ?? 500;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = f(x, g);
  if (!Number.isFinite(fx)) {
    return { x, value: fx, gradient: g, iterations: 0, converged: false, message: "objective is not finite at the starting point" };
  }
  // Inverse Hessian approximation, row-major.
  const H = identity(n);
  const p = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  let iter = 0;
  let smallSteps = 0;
  for (; iter < maxIter; iter++) {
    if (normInf(g) < tolerance(fx)) {
      return { x, value: fx, gradient: g, iterations: iter, converged: true, message: "gradient below tolerance" };
    }
    // p = -H g
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += H[i * n + j]! * g[j]!;
      p[i] = -s;
    }
    let slope = dot(p, g);
    if (!(slope < 0)) {
      // Not a descent direction: reset to steepest descent.
      resetIdentity(H, n);
      for (let i = 0; i < n; i++) p[i] = -g[i]!;
      slope = dot(p, g);
    }
    const step = wolfeLineSearch(f, x, fx, g, p, slope, xNew, gNew);
    if (step === null) {
      // Line search failed: try once more from steepest descent, else stop.
      if (!isIdentity(H, n)) {
        resetIdentity(H, n);
        continue;
      }
      const converged = normInf(g) < tolerance(fx) * 100;
      return {
        x, value: fx, gradient: g, iterations: iter, converged,
        message: converged ? "line search cannot improve further; gradient near tolerance" : "line search failed to find a better point",
      };
    }
    const fNew = step;
    // s = xNew - x, y = gNew - g
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    const improvement = fx - fNew;
    x = Float64Array.from(xNew);
    g = Float64Array.from(gNew);
    const fOld = fx;
    fx = fNew;
    if (iter === 0 && sy > 0) {
      // Scale the initial inverse Hessian (Nocedal & Wright eq. 6.20).
      const scale = sy / dot(y, y);
      for (let i = 0; i < n; i++) H[i * n + i] = scale;
    }
    if (sy > 1e-12) bfgsUpdate(H, s, y, sy, n);
    if (Math.abs(improvement) <= rtol * Math.max(1, Math.abs(fOld))) {
      smallSteps++;
      if (smallSteps >= 3) {
        return { x, value: fx, gradient: g, iterations: iter + 1, converged: normInf(g) < tolerance(fx) * 1000, message: "objective stopped improving" };
      }
    } else {
      smallSteps = 0;
    }
  }
  return { x, value: fx, gradient: g, iterations: iter, converged: normInf(g) < tolerance(fx), message: `stopped after ${maxIter} iterations` };
}

function bfgsUpdate(H: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): void {
  // H+ = (I - rho s y^T) H (I - rho y s^T) + rho s s^T
  const rho = 1 / sy;
  const Hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += H[i * n + j]! * y[j]!;
    Hy[i] = acc;
  }
  const yHy = dot(y, Hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] = H[i * n + j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
    }
  }
}

/**
 * Strong-Wolfe line search (Nocedal & Wright Algorithm 3.5/3.6, with
 * bisection-safeguarded cubic zoom). Writes the accepted point into xNew/gNew
 * and returns its value, or null when no acceptable step exists.
 */
function wolfeLineSearch(
  f: Objective, x: Float64Array, fx: number, g: Float64Array, p: Float64Array, slope: number,
  xNew: Float64Array, gNew: Float64Array,
): number | null {
  const c1 = 1e-4;
  const c2 = 0.9;
  const n = x.length;
  const evalAt = (alpha: number): [number, number] => {
    for (let i = 0; i < n; i++) xNew[i] = x[i]! + alpha * p[i]!;
    const v = f(xNew, gNew);
    return [v, dot(gNew, p)];
  };
  let alphaPrev = 0;
  let fPrev = fx;
  let dPrev = slope;
  let alpha = 1;
  for (let i = 0; i < 40; i++) {
    const [fa, da] = evalAt(alpha);
    if (!Number.isFinite(fa)) {
      alpha = alphaPrev + (alpha - alphaPrev) * 0.25;
      continue;
    }
    if (fa > fx + c1 * alpha * slope || (i > 0 && fa >= fPrev)) {
      return zoom(alphaPrev, alpha, fPrev, dPrev, fa);
    }
    if (Math.abs(da) <= -c2 * slope) return fa;
    if (da >= 0) return zoom(alpha, alphaPrev, fa, da, fPrev);
    alphaPrev = alpha;
    fPrev = fa;
    dPrev = da;
    alpha *= 2;
  }
  return null;

  function zoom(lo: number, hi: number, fLo: number, dLo: number, fHi: number): number | null {
    let bestValue = Number.POSITIVE_INFINITY;
    let bestAlpha = -1;
    for (let j = 0; j < 60; j++) {
      // Quadratic interpolation using f(lo), f'(lo), f(hi), safeguarded.
      const width = hi - lo;
      let a = lo - (dLo * width * width) / (2 * (fHi - fLo - dLo * width));
      const lower = Math.min(lo, hi) + 0.1 * Math.abs(width);
      const upper = Math.max(lo, hi) - 0.1 * Math.abs(width);
      if (!Number.isFinite(a) || a < lower || a > upper) a = lo + width / 2;
      const [fa, da] = evalAt(a);
      if (Number.isFinite(fa) && fa < bestValue && fa <= fx + c1 * a * slope) {
        bestValue = fa;
        bestAlpha = a;
      }
      if (!Number.isFinite(fa) || fa > fx + c1 * a * slope || fa >= fLo) {
        hi = a;
        fHi = fa;
      } else {
        if (Math.abs(da) <= -c2 * slope) return fa;
        if (da * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
        }
        lo = a;
        fLo = fa;
        dLo = da;
      }
      if (Math.abs(hi - lo) < 1e-16) break;
    }
    if (bestAlpha > 0) {
      const [fa] = evalAt(bestAlpha);
      return fa;
    }
    return null;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function normInf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  resetIdentity(m, n);
  return m;
}

function resetIdentity(m: Float64Array, n: number): void {
  m.fill(0);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
}

function isIdentity(m: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (m[i * n + j] !== (i === j ? 1 : 0)) return false;
  return true;
}
