import { Command } from "commander";
import type { CliContext } from "../../cli-context.ts";
import { clvModelTitles } from "./format-fit.ts";
import { addClvScoreOptions, prepareClvScores, type PreparedClvScores, type RawScoreOptions } from "./prepare-clv-scores.ts";
import { writeScoresCsv } from "./write-scores-csv.ts";

/** `tenure clv score <file> --out scores.csv`: fit (or load) the models and write one row per customer. */
export async function runClvScore(context: CliContext, file: string, raw: RawScoreOptions): Promise<PreparedClvScores> {
  const prepared = await prepareClvScores(context, file, raw);
  const rows = await writeScoresCsv(raw.out, prepared.data, prepared.scores);
  let total = 0;
  for (const v of prepared.scores.clv) total += Number.isFinite(v) ? v : 0;
  context.io.stdout(
    `Wrote ${rows.toLocaleString("en")} customers to ${raw.out} (${clvModelTitles[prepared.model]}${prepared.spendFit ? " + Gamma-Gamma" : ""}, ` +
      `horizon ${prepared.scoreOptions.horizon} ${prepared.data.unit === "period" ? "periods" : `${prepared.data.unit}s`}); total clv ${total.toLocaleString("en", { maximumFractionDigits: 2 })}.`,
  );
  return prepared;
}

/** The `score` subcommand of `tenure clv`. */
export function clvScoreCommand(context: CliContext): Command {
  return addClvScoreOptions(new Command("score").description("score every customer: P(alive), expected purchases and spend, CLV (one CSV row each)"), "CSV file to write")
    .action(async (file: string, raw: RawScoreOptions) => {
      await runClvScore(context, file, raw);
    });
}
