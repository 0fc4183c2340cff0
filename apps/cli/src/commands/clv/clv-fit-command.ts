import { Command } from "commander";
import type { CliContext } from "../../cli-context.ts";
import type { ClvData } from "./clv-data.ts";
import { addClvInputOptions, parseClvInputOptions, type RawInputOptions } from "./clv-input-options.ts";
import { fitClvModel, type ClvFit } from "./fit-clv-model.ts";
import { fitDiagnostics } from "./fit-diagnostics.ts";
import { fitJson, formatFit } from "./format-fit.ts";
import { readClvInput } from "./read-clv-input.ts";

export interface ClvFitRun {
  data: ClvData;
  fit: ClvFit;
}

/**
 * `tenure clv fit <file>`: read, fit, print. With --json, stdout is exactly
 * one JSON object (model, params, standardErrors, logLikelihood, converged,
 * customers, rows); warnings (e.g. no convergence) always go to stderr and
 * the exit code stays 0, since a non-converged fit is a result, not an error.
 */
export async function runClvFit(context: CliContext, file: string, raw: RawInputOptions & { json?: boolean }): Promise<ClvFitRun> {
  const options = parseClvInputOptions(raw);
  const data = await readClvInput(file, options);
  const fit = fitClvModel(options.model, data, options.penalty);
  if (raw.json) {
    context.io.stdout(JSON.stringify(fitJson(fit)));
  } else {
    for (const line of formatFit(fit, data, fitDiagnostics(fit, data))) context.io.stdout(line);
  }
  for (const warning of fit.warnings) context.io.stderr(`warning: ${warning}`);
  return { data, fit };
}

/** The `fit` subcommand of `tenure clv`. */
export function clvFitCommand(context: CliContext): Command {
  return addClvInputOptions(new Command("fit").description("fit a customer-value model and print its parameters, standard errors and diagnostics"))
    .option("--json", "print one JSON object instead of the table (input of score/report --params)")
    .action(async (file: string, raw: RawInputOptions & { json?: boolean }) => {
      await runClvFit(context, file, raw);
    });
}
