import type { LikelihoodModel } from "../clv/fit-model.ts";

/**
 * Largest relative difference between a model's analytic gradient and
 * central finite differences (relative step 1e-5) at `params`. Test helper.
 * Near an optimum the gradient is ~0 and finite differences of a sum of
 * thousands of terms are noise, so differences are measured against at least
 * 1e-6 · |logL| / θ (a 1e-6 share of the log-likelihood per unit of θ).
 */
export function maxGradientError<Name extends string>(model: LikelihoodModel<Name>, params: readonly number[]): number {
  const k = params.length;
  const point = Float64Array.from(params);
  const analytic = new Float64Array(k);
  const scratch = new Float64Array(k);
  const value = model.logLikelihood(point, analytic);
  let worst = 0;
  for (let j = 0; j < k; j++) {
    const h = 1e-5 * params[j]!;
    point[j] = params[j]! + h;
    const up = model.logLikelihood(point, scratch);
    point[j] = params[j]! - h;
    const down = model.logLikelihood(point, scratch);
    point[j] = params[j]!;
    const numeric = (up - down) / (2 * h);
    const scale = Math.max(Math.abs(numeric), Math.abs(analytic[j]!), (1e-6 * Math.abs(value)) / params[j]!);
    worst = Math.max(worst, Math.abs(numeric - analytic[j]!) / scale);
  }
  return worst;
}
