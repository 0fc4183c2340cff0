import { minimize } from "../math/minimize.ts";

/**
 * The shared maximum-likelihood fitter of every CLV model. A model supplies
 * its summed, weighted log-likelihood and its gradient with respect to the
 * natural parameters; the fitter optimises on log-parameters (so every
 * parameter stays positive), adds an optional L2 penalty, and derives
 * standard errors from the observed information (the Hessian of the negative
 * log-likelihood at the optimum, by central differences of the analytic
 * gradient).
 */
export interface LikelihoodModel<Name extends string> {
  readonly paramNames: readonly Name[];
  /**
   * Total weighted log-likelihood at `params` (natural scale, all > 0);
   * writes d logL / d param into `grad` (same order as paramNames).
   */
  logLikelihood(params: Float64Array, grad: Float64Array): number;
}

export interface FitOptions {
  /** Starting values on the natural scale; defaults to 1 for every parameter. */
  initial?: readonly number[];
  /** L2 penalty λ: maximises logL − λ Σ θ² (as lifetimes' penalizer_coef). */
  penalty?: number;
  maxIterations?: number;
}

export interface FitResult<Name extends string> {
  params: Record<Name, number>;
  standardErrors: Record<Name, number>;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  message: string;
}

/** Fit a model by maximum likelihood; never throws for a non-converging fit (see `converged`). */
export function fitModel<Name extends string>(model: LikelihoodModel<Name>, options: FitOptions = {}): FitResult<Name> {
  const k = model.paramNames.length;
  const penalty = options.penalty ?? 0;
  const params = new Float64Array(k);
  const grad = new Float64Array(k);

  // Negative penalised log-likelihood on log-parameters.
  const objective = (logParams: Float64Array, g: Float64Array): number => {
    for (let i = 0; i < k; i++) params[i] = Math.exp(logParams[i]!);
    const ll = model.logLikelihood(params, grad);
    let value = -ll;
    for (let i = 0; i < k; i++) {
      const theta = params[i]!;
      value += penalty * theta * theta;
      // chain rule: d/d log θ = θ d/dθ
      g[i] = -grad[i]! * theta + 2 * penalty * theta * theta;
    }
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };

  const start = (options.initial ?? model.paramNames.map(() => 1)).map((v) => Math.log(v));
  const result = minimize(objective, start, { maxIterations: options.maxIterations ?? 1000 });
  const estimates = Array.from(result.x, (v) => Math.exp(v));
  for (let i = 0; i < k; i++) params[i] = estimates[i]!;
  const logLikelihood = model.logLikelihood(params, grad);
  const se = standardErrors(model, estimates);

  const named = <T>(values: readonly T[]): Record<Name, T> =>
    Object.fromEntries(model.paramNames.map((name, i) => [name, values[i]])) as Record<Name, T>;
  return {
    params: named(estimates),
    standardErrors: named(se),
    logLikelihood,
    converged: result.converged && Number.isFinite(logLikelihood),
    iterations: result.iterations,
    message: result.message,
  };
}

/**
 * Standard errors on the natural scale: the square roots of the diagonal of
 * the inverse observed information matrix, the Hessian of −logL computed by
 * central differences of the analytic gradient with relative steps.
 */
function standardErrors<Name extends string>(model: LikelihoodModel<Name>, estimates: readonly number[]): number[] {
  const k = estimates.length;
  const hessian = new Float64Array(k * k);
  const point = Float64Array.from(estimates);
  const gPlus = new Float64Array(k);
  const gMinus = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const h = 1e-5 * Math.max(Math.abs(estimates[j]!), 1e-8);
    point[j] = estimates[j]! + h;
    model.logLikelihood(point, gPlus);
    point[j] = estimates[j]! - h;
    model.logLikelihood(point, gMinus);
    point[j] = estimates[j]!;
    for (let i = 0; i < k; i++) hessian[i * k + j] = -(gPlus[i]! - gMinus[i]!) / (2 * h);
  }
  // Symmetrise, then invert.
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const m = (hessian[i * k + j]! + hessian[j * k + i]!) / 2;
      hessian[i * k + j] = m;
      hessian[j * k + i] = m;
    }
  }
  const inverse = invert(hessian, k);
  return estimates.map((_, i) => {
    const variance = inverse ? inverse[i * k + i]! : Number.NaN;
    return variance > 0 ? Math.sqrt(variance) : Number.NaN;
  });
}

/** Gauss-Jordan inversion with partial pivoting; null when singular. */
export function invert(matrix: Float64Array, n: number): Float64Array | null {
  const a = Float64Array.from(matrix);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    const pv = a[pivot * n + col]!;
    if (Math.abs(pv) < 1e-300) return null;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        [a[col * n + c], a[pivot * n + c]] = [a[pivot * n + c]!, a[col * n + c]!];
        [inv[col * n + c], inv[pivot * n + c]] = [inv[pivot * n + c]!, inv[col * n + c]!];
      }
    }
    const d = a[col * n + col]!;
    for (let c = 0; c < n; c++) {
      a[col * n + c] = a[col * n + c]! / d;
      inv[col * n + c] = inv[col * n + c]! / d;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r * n + col]!;
      if (factor === 0) continue;
      for (let c = 0; c < n; c++) {
        a[r * n + c] = a[r * n + c]! - factor * a[col * n + c]!;
        inv[r * n + c] = inv[r * n + c]! - factor * inv[col * n + c]!;
      }
    }
  }
  return inv;
}
