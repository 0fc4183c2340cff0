import { Option, type Command } from "commander";
import type { GammaGammaParams } from "@tenure/analytics";
import { invalidInput } from "@tenure/shared";
import type { CliContext } from "../../cli-context.ts";
import type { ClvData } from "./clv-data.ts";
import { addClvInputOptions, parseClvInputOptions, parseNonNegative, type RawInputOptions } from "./clv-input-options.ts";
import { isTransactionModel, type TransactionModelName } from "./clv-model-name.ts";
import { fitClvModel, type ClvFit } from "./fit-clv-model.ts";
import { loadFitJson } from "./load-fit-json.ts";
import { readClvInput } from "./read-clv-input.ts";
import { scoreClv, type ClvScoreOptions, type ClvScores } from "./score-clv.ts";

/** Commander values of the options `score` and `report` add to the input options. */
export interface RawScoreOptions extends RawInputOptions {
  horizon: string;
  discountRate: string;
  margin: string;
  out: string;
  params?: string[];
}

/** Everything `score` and `report` print or write. */
export interface PreparedClvScores {
  data: ClvData;
  model: TransactionModelName;
  fit: ClvFit;
  /** Gamma-Gamma fit of the spend, when the file has values. */
  spendFit: ClvFit | null;
  scores: ClvScores;
  scoreOptions: ClvScoreOptions;
}

/** Add the input options and the scoring options (--horizon, --discount-rate, --margin, --out, --params). */
export function addClvScoreOptions(command: Command, outDescription: string): Command {
  return addClvInputOptions(command)
    .requiredOption("--horizon <periods>", "whole periods ahead: days or weeks (--period) for transaction input, the file's own unit for summary input, opportunities for bgbb")
    .option("--discount-rate <rate>", "discount rate per period of that unit (an annual 10% is 1.1^(1/52) − 1 ≈ 0.00183 per week)", "0")
    .option("--margin <share>", "share of spend kept as profit (without a value column: profit per purchase)", "1")
    .requiredOption("--out <file>", outDescription)
    .addOption(new Option("--params <file>", "use a fit saved by `tenure clv fit --json` instead of fitting (repeat for a gamma-gamma fit)").argParser(collect));
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Read the file, take the fits from --params or fit them (the purchase model
 * given by --model, and Gamma-Gamma on the repeat buyers when the file has
 * values), and score every customer. Fit warnings go to stderr.
 */
export async function prepareClvScores(context: CliContext, file: string, raw: RawScoreOptions): Promise<PreparedClvScores> {
  const loaded = await Promise.all((raw.params ?? []).map((path) => loadFitJson(path)));
  const loadedPurchase = loaded.find((f) => f.model !== "gamma-gamma");
  const loadedSpend = loaded.find((f) => f.model === "gamma-gamma") ?? null;
  const options = parseClvInputOptions(raw, loadedPurchase?.model);
  const model = options.model;
  if (!isTransactionModel(model)) {
    throw invalidInput("model", `score and report need a purchase model (bgnbd, pareto-nbd, mbgnbd or bgbb), not ${model}; Gamma-Gamma is fitted alongside when the file has values`);
  }
  const scoreOptions: ClvScoreOptions = {
    horizon: parseNonNegative(raw.horizon, "--horizon"),
    discountRate: parseNonNegative(raw.discountRate, "--discount-rate"),
    margin: parseNonNegative(raw.margin, "--margin"),
  };
  const data = await readClvInput(file, options);
  const fit = loadedPurchase ?? fitClvModel(model, data, options.penalty);
  let spendFit = loadedSpend;
  if (!spendFit && data.monetary && data.frequency.some((x, i) => x >= 1 && data.monetary![i]! > 0)) {
    spendFit = fitClvModel("gamma-gamma", data, options.penalty);
  }
  for (const warning of [...fit.warnings, ...(spendFit?.warnings ?? []).map((w) => `gamma-gamma: ${w}`)]) context.io.stderr(`warning: ${warning}`);
  if (!data.monetary) context.io.stderr("note: the file has no values, so clv is the discounted expected purchases times --margin");
  const scores = scoreClv(data, model, fit.params, spendFit && data.monetary ? (spendFit.params as GammaGammaParams) : null, scoreOptions);
  return { data, model, fit, spendFit, scores, scoreOptions };
}
