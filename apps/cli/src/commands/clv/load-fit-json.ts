import { readFile } from "node:fs/promises";
import { AppError, invalidInput } from "@tenure/shared";
import { clvParamNames, isClvModelName } from "./clv-model-name.ts";
import type { ClvFit } from "./fit-clv-model.ts";

/**
 * Read a fit saved from `tenure clv fit --json`. Checks the model name and
 * that every parameter of that model is a positive number; a missing
 * standard error or log-likelihood (null in the JSON) reads as NaN.
 */
export async function loadFitJson(path: string): Promise<ClvFit> {
  const text = await readFile(path, "utf8").catch(() => {
    throw new AppError("file_not_found", "not_found", `cannot read --params ${path}: no such file`, { field: "params" });
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalidInput("params", `--params ${path} is not JSON (${error instanceof Error ? error.message : String(error)}); save it with tenure clv fit --json > ${path}`);
  }
  const bad = (what: string): AppError => invalidInput("params", `--params ${path}: ${what} (expected the object printed by tenure clv fit --json)`);
  if (typeof value !== "object" || value === null) throw bad("not a JSON object");
  const fit = value as Record<string, unknown>;
  const model = fit.model;
  if (typeof model !== "string" || !isClvModelName(model)) throw bad(`unknown "model" ${JSON.stringify(model)}`);
  const params: Record<string, number> = {};
  const standardErrors: Record<string, number> = {};
  const rawParams = (typeof fit.params === "object" && fit.params !== null ? fit.params : {}) as Record<string, unknown>;
  const rawErrors = (typeof fit.standardErrors === "object" && fit.standardErrors !== null ? fit.standardErrors : {}) as Record<string, unknown>;
  for (const name of clvParamNames[model]) {
    const v = rawParams[name];
    if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) throw bad(`"params.${name}" must be a positive number, got ${JSON.stringify(v)}`);
    params[name] = v;
    const se = rawErrors[name];
    standardErrors[name] = typeof se === "number" ? se : Number.NaN;
  }
  const numberOr = (v: unknown, fallback: number): number => (typeof v === "number" ? v : fallback);
  return {
    model,
    params,
    standardErrors,
    logLikelihood: numberOr(fit.logLikelihood, Number.NaN),
    converged: fit.converged === true,
    customers: numberOr(fit.customers, Number.NaN),
    rows: numberOr(fit.rows, Number.NaN),
    iterations: 0,
    attempts: [`loaded from ${path}`],
    warnings: fit.converged === true ? [] : [`the fit in ${path} did not converge`],
  };
}
