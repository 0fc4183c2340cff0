import {
  bgNbd,
  fitBgBb,
  fitGammaGamma,
  fitSbg,
  mbgNbd,
  paretoNbd,
  type FitOptions,
  type FitResult,
} from "@tenure/analytics";
import { invalidInput } from "@tenure/shared";
import type { ClvData } from "./clv-data.ts";
import { isContinuousModel, type ClvModelName } from "./clv-model-name.ts";
import { compressWeightedRows, type WeightedRows } from "./fit-rows.ts";

/** A fitted model as `tenure clv fit --json` prints it, plus what the readable output adds. */
export interface ClvFit extends Omit<FitResult<string>, "message"> {
  model: ClvModelName;
  /** Customers in the fit (Σ weights). */
  customers: number;
  /** Distinct rows the likelihood was summed over. */
  rows: number;
  /** What was tried, in order, e.g. "start 1, 1, 1, 1". */
  attempts: string[];
  /** Things the user should know (rows left out, a penalty that was added, no convergence). */
  warnings: string[];
}

/** Penalty tried when no start converges: small enough to barely move a well-identified fit. */
const RESCUE_PENALTY = 1e-3;

/**
 * Fit `model` on the file's summaries with the analytics package's fitters.
 * A fit that does not converge is retried from other starting values and then
 * with a small L2 penalty; the best attempt is returned with `converged` and a
 * warning naming everything tried, never thrown.
 */
export function fitClvModel(model: ClvModelName, data: ClvData, penalty = 0): ClvFit {
  const { rows, warnings } = fitRowsOf(model, data);
  if (rows.a.length === 0) {
    const what = model === "gamma-gamma" ? "no repeat buyers (frequency ≥ 1) with a positive monetary value" : "no customers to fit";
    throw invalidInput("file", `${data.file}: ${what}`);
  }
  const fit = (options: FitOptions): FitResult<string> => runFitter(model, rows, options);
  const starts = startingValues(model, rows);
  const attempts: string[] = [];
  let best: FitResult<string> | null = null;
  const tryFit = (start: readonly number[], lambda: number): FitResult<string> => {
    attempts.push(`start ${start.map((v) => formatStart(v)).join(", ")}${lambda > 0 ? ` with penalty ${lambda}` : ""}`);
    const result = fit({ initial: start, ...(lambda > 0 ? { penalty: lambda } : {}) });
    if (best === null || !best.converged && (result.converged || result.logLikelihood > best.logLikelihood)) best = result;
    return result;
  };
  for (const start of starts) {
    if (tryFit(start, penalty).converged) break;
  }
  let chosen: FitResult<string> = best ?? fit({});
  if (!chosen.converged && penalty < RESCUE_PENALTY) {
    const rescued = tryFit(starts[0]!, RESCUE_PENALTY);
    if (rescued.converged) {
      chosen = rescued;
      warnings.push(`converged only with an L2 penalty of ${RESCUE_PENALTY} (estimates are shrunk toward 0); pass --penalty to choose it yourself`);
    }
  }
  if (!chosen.converged) {
    warnings.push(`did not converge after ${attempts.length} attempts (${attempts.join("; ")}): ${chosen.message}; the estimates shown are the best found`);
  }
  return {
    model,
    params: { ...chosen.params },
    standardErrors: { ...chosen.standardErrors },
    logLikelihood: chosen.logLikelihood,
    converged: chosen.converged,
    customers: rows.customers,
    rows: rows.a.length,
    iterations: chosen.iterations,
    attempts,
    warnings,
  };
}

/** The rows each model fits on, as three columns and weights, and what was left out. */
function fitRowsOf(model: ClvModelName, data: ClvData): { rows: WeightedRows; warnings: string[] } {
  const { frequency, recency, T, monetary, weight } = data;
  const warnings: string[] = [];
  const zeros = new Float64Array(frequency.length);
  if (model === "gamma-gamma") {
    const m = monetary!;
    const rows = compressWeightedRows(frequency, m, zeros, weight, (i) => frequency[i]! >= 1 && m[i]! > 0);
    return { rows, warnings };
  }
  if (model === "sbg") return { rows: compressWeightedRows(recency, T, zeros, weight, () => true), warnings };
  if (model === "bgbb") return { rows: compressWeightedRows(frequency, recency, T, weight, () => true), warnings };
  // Continuous models: a customer first seen at the very end (T = 0) carries no information.
  let young = 0;
  for (let i = 0; i < T.length; i++) if (!(T[i]! > 0)) young += weight ? weight[i]! : 1;
  if (young > 0) warnings.push(`${young} customer${young === 1 ? "" : "s"} with T = 0 (first purchase in the last period) left out of the fit`);
  return { rows: compressWeightedRows(frequency, recency, T, weight, (i) => T[i]! > 0), warnings };
}

function runFitter(model: ClvModelName, rows: WeightedRows, options: FitOptions): FitResult<string> {
  const { a, b, c, weight } = rows;
  if (isContinuousModel(model)) {
    const m = model === "bgnbd" ? bgNbd : model === "mbgnbd" ? mbgNbd : paretoNbd;
    return m.fit({ x: a, tx: b, T: c, weight }, options);
  }
  switch (model) {
    case "bgbb":
      return fitBgBb({ frequency: a, recency: b, periods: c, weight }, options);
    case "sbg":
      return fitSbg({ recency: a, T: b, weight }, options);
    case "gamma-gamma":
      return fitGammaGamma({ frequency: a, monetary: b, weight }, options);
  }
}

/**
 * Starting values: the fitter's default (all 1) first, then starts scaled to
 * the data (a rate near the observed purchase rate for the continuous models),
 * then smaller values.
 */
function startingValues(model: ClvModelName, rows: WeightedRows): number[][] {
  const k = model === "gamma-gamma" ? 3 : model === "sbg" ? 2 : 4;
  const ones = new Array<number>(k).fill(1);
  const small = new Array<number>(k).fill(0.1);
  if (!isContinuousModel(model) && model !== "gamma-gamma") return [ones, small, new Array<number>(k).fill(3)];
  let meanT = 0, meanX = 0, total = 0;
  const scale = model === "gamma-gamma" ? rows.b : rows.c;
  for (let i = 0; i < rows.a.length; i++) {
    meanT += rows.weight[i]! * scale[i]!;
    meanX += rows.weight[i]! * rows.a[i]!;
    total += rows.weight[i]!;
  }
  meanT /= total;
  meanX /= total;
  if (model === "gamma-gamma") return [ones, [2, 2, Math.max(meanT, 1e-3)], small];
  // Gamma(r, α) rate with mean r/α ≈ observed x/T.
  const alpha = Math.max(meanT / Math.max(meanX, 1e-3), 1e-3);
  return [ones, [1, alpha, 1, 1], [0.1, alpha, 0.5, 2]];
}

function formatStart(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}
