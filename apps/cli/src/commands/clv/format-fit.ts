import type { ClvData } from "./clv-data.ts";
import type { ClvModelName } from "./clv-model-name.ts";
import type { ClvFit } from "./fit-clv-model.ts";
import type { FitDiagnostic } from "./fit-diagnostics.ts";

/** How each model is named in readable output. */
export const clvModelTitles: Record<ClvModelName, string> = {
  bgnbd: "BG/NBD",
  "pareto-nbd": "Pareto/NBD",
  mbgnbd: "MBG/NBD",
  bgbb: "BG/BB",
  sbg: "sBG",
  "gamma-gamma": "Gamma-Gamma",
};

/** The `fit --json` object: exactly these keys; standard errors that could not be computed are null. */
export function fitJson(fit: ClvFit): Record<string, unknown> {
  const finite = (values: Record<string, number>): Record<string, number | null> =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number.isFinite(v) ? v : null]));
  return {
    model: fit.model,
    params: finite(fit.params),
    standardErrors: finite(fit.standardErrors),
    logLikelihood: Number.isFinite(fit.logLikelihood) ? fit.logLikelihood : null,
    converged: fit.converged,
    customers: fit.customers,
    rows: fit.rows,
  };
}

/** Readable lines: the parameter table, log-likelihood, counts, iterations and the diagnostics. */
export function formatFit(fit: ClvFit, data: ClvData, diagnostics: readonly FitDiagnostic[]): string[] {
  const lines = [`${clvModelTitles[fit.model]} fit of ${data.file} (${data.input} input, ${count(data.lines)} data rows)`, ""];
  const names = Object.keys(fit.params);
  const width = Math.max(9, ...names.map((n) => n.length));
  lines.push(`  ${"parameter".padEnd(width)}  ${"estimate".padStart(12)}  ${"std. error".padStart(12)}`);
  for (const name of names) {
    lines.push(`  ${name.padEnd(width)}  ${num(fit.params[name]!).padStart(12)}  ${num(fit.standardErrors[name]!).padStart(12)}`);
  }
  lines.push("");
  lines.push(`  log-likelihood   ${num(fit.logLikelihood)}`);
  lines.push(`  customers        ${count(fit.customers)}`);
  lines.push(`  distinct rows    ${count(fit.rows)}`);
  lines.push(`  iterations       ${fit.iterations} (${fit.converged ? "converged" : "did NOT converge"})`);
  const skipped = data.skipped;
  if (skipped.withoutCustomer + skipped.nonPositive + skipped.afterEnd > 0) {
    lines.push(`  lines skipped    ${count(skipped.withoutCustomer)} without a customer id, ${count(skipped.nonPositive)} with value ≤ 0, ${count(skipped.afterEnd)} after the observation end`);
  }
  if (diagnostics.length > 0) {
    lines.push("", "diagnostics (actual vs predicted):");
    const labelWidth = Math.max(...diagnostics.map((d) => d.label.length));
    for (const d of diagnostics) {
      const gap = d.actual !== 0 && Number.isFinite(d.predicted) ? ` (${signedPercent((d.predicted - d.actual) / d.actual)})` : "";
      lines.push(`  ${d.label.padEnd(labelWidth)}  actual ${num(d.actual)}, predicted ${num(d.predicted)}${gap}`);
    }
  }
  return lines;
}

/** A number for people: 4 significant digits for small values, grouped thousands for large ones. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toLocaleString("en", { maximumFractionDigits: 1 });
  if (abs === 0) return "0";
  return Number(value.toPrecision(4)).toString();
}

function count(value: number): string {
  return value.toLocaleString("en", { maximumFractionDigits: 2 });
}

function signedPercent(share: number): string {
  const text = `${(share * 100).toFixed(1)}%`;
  return share > 0 ? `+${text}` : text;
}
