import { Option, type Command } from "commander";
import { invalidInput } from "@tenure/shared";
import { clvModelNames, parseClvModelName, type ClvModelName } from "./clv-model-name.ts";

/** The column-naming options, the same raw and parsed. */
interface ColumnOptions {
  customerCol?: string;
  dateCol?: string;
  valueCol?: string;
  frequencyCol?: string;
  recencyCol?: string;
  ageCol?: string;
  monetaryCol?: string;
  periodsCol?: string;
  weightCol?: string;
}

/** The options `fit`, `score` and `report` share: which file, which model, which columns. */
export interface ClvInputOptions extends ColumnOptions {
  model: ClvModelName;
  input: "transactions" | "summary";
  period: "day" | "week";
  observationEnd?: Date;
  calibrationEnd?: Date;
  penalty?: number;
}

/** Raw commander values of the shared options (strings until parsed). */
export interface RawInputOptions extends ColumnOptions {
  model?: string;
  input: "transactions" | "summary";
  period: "day" | "week";
  observationEnd?: string;
  calibrationEnd?: string;
  penalty?: string;
}

/** Add the shared input options to a `clv` subcommand. */
export function addClvInputOptions(command: Command): Command {
  return command
    .argument("<file>", "CSV file (comma, tab or space separated; .gz accepted)")
    .addOption(new Option("--model <model>", "model to fit").choices(clvModelNames))
    .addOption(new Option("--input <kind>", "one row per transaction, or one per customer").choices(["transactions", "summary"]).default("transactions"))
    .option("--customer-col <column>", 'customer id column (default "customer_id"; for summary input, an optional id column, default the first of customer_id, ID, id)')
    .option("--date-col <column>", 'transaction date column, ISO or YYYYMMDD (default "date")')
    .option("--value-col <column>", 'transaction value column (default "value" when present)')
    .option("--frequency-col <column>", 'summary: repeat purchases (default "frequency")')
    .option("--recency-col <column>", 'summary: time of the last repeat purchase, or for sbg the period of churn (default "recency")')
    .option("--age-col <column>", 'summary: age T, time from the first purchase to the end (default "T")')
    .option("--monetary-col <column>", 'summary: mean value of repeat purchases (default "monetary_value" when present)')
    .option("--periods-col <column>", 'summary, bgbb: purchase opportunities n (default "periods")')
    .option("--weight-col <column>", 'summary: customers sharing the row (default "weight" or "weights" when present)')
    .addOption(new Option("--period <unit>", "transactions: group purchases by UTC day or Monday-to-Sunday week").choices(["day", "week"]).default("day"))
    .option("--observation-end <date>", "transactions: last day observed (default: the last purchase)")
    .option("--calibration-end <date>", "transactions: fit on purchases up to this day; later ones are the holdout")
    .option("--penalty <lambda>", "L2 penalty on the parameters (as lifetimes' penalizer_coef)");
}

/**
 * Commander's values of the shared options → typed options, or one error
 * naming the option. `modelFromParams` is the model of a loaded fit JSON
 * (score, report), which stands in for --model.
 */
export function parseClvInputOptions(raw: RawInputOptions, modelFromParams?: ClvModelName): ClvInputOptions {
  const given = raw.model === undefined ? undefined : parseClvModelName(raw.model);
  if (given && modelFromParams && given !== modelFromParams) {
    throw invalidInput("model", `--model ${given} does not match the fit in --params (${modelFromParams})`);
  }
  const model = given ?? modelFromParams;
  if (!model) throw invalidInput("model", `--model is required: one of ${clvModelNames.join(", ")}`);
  const options: ClvInputOptions = { model, input: raw.input, period: raw.period };
  for (const key of ["customerCol", "dateCol", "valueCol", "frequencyCol", "recencyCol", "ageCol", "monetaryCol", "periodsCol", "weightCol"] as const) {
    const value = raw[key];
    if (value !== undefined) options[key] = value;
  }
  if (raw.observationEnd !== undefined) options.observationEnd = parseOptionDate(raw.observationEnd, "--observation-end");
  if (raw.calibrationEnd !== undefined) options.calibrationEnd = parseOptionDate(raw.calibrationEnd, "--calibration-end");
  if (raw.penalty !== undefined) options.penalty = parseNonNegative(raw.penalty, "--penalty");
  if (options.input === "summary" && (options.calibrationEnd || options.observationEnd)) {
    throw invalidInput("calibrationEnd", "--calibration-end and --observation-end need --input transactions (a summary file has no dates)");
  }
  if (options.model === "sbg" && options.input === "transactions") {
    throw invalidInput("input", "sbg needs --input summary: one row per customer with recency = period of churn and T = periods observed");
  }
  return options;
}

/**
 * A date as ISO (2024-06-30, 2024-06-30T12:00:00Z; without a zone, UTC) or
 * YYYYMMDD (the CDNOW files); epoch milliseconds, or NaN when it is neither.
 */
export function parseDate(text: string): number {
  const s = text.trim();
  if (/^\d{8}$/.test(s)) {
    const year = Number(s.slice(0, 4)), month = Number(s.slice(4, 6)), day = Number(s.slice(6, 8));
    const time = Date.UTC(year, month - 1, day);
    const check = new Date(time);
    return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? time : Number.NaN;
  }
  const local = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/.exec(s);
  if (local) return Date.parse(`${local[1]}T${local[2] ?? "00:00:00"}Z`);
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return Date.parse(s);
  return Number.NaN;
}

function parseOptionDate(text: string, flag: string): Date {
  const time = parseDate(text);
  if (!Number.isFinite(time)) throw invalidInput(flag.slice(2), `${flag} "${text}" is not a date (use YYYY-MM-DD or YYYYMMDD)`);
  return new Date(time);
}

/** A number ≥ 0 given to `flag`, or an error naming it. */
export function parseNonNegative(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) throw invalidInput(flag.slice(2), `${flag} must be a number ≥ 0, got "${text}"`);
  return value;
}
