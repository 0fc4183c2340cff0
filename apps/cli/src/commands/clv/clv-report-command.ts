import { rename, rm, writeFile } from "node:fs/promises";
import { Command } from "commander";
import type { CliContext } from "../../cli-context.ts";
import { buildClvReport, type ClvReport } from "./build-clv-report.ts";
import { addClvScoreOptions, prepareClvScores, type RawScoreOptions } from "./prepare-clv-scores.ts";
import { renderClvReport } from "./report-html/render-clv-report.ts";

/** `tenure clv report <file> --out report.html`: fit, score and write one self-contained HTML page. */
export async function runClvReport(context: CliContext, file: string, raw: RawScoreOptions): Promise<ClvReport> {
  const prepared = await prepareClvScores(context, file, raw);
  const report = buildClvReport(prepared);
  const html = renderClvReport(report);
  // Written beside the target and renamed, so an existing report is never half-replaced.
  const temporary = `${raw.out}.${process.pid}.partial`;
  try {
    await writeFile(temporary, html);
    await rename(temporary, raw.out);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  context.io.stdout(`Wrote ${raw.out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB; open it in a browser, it needs no network).`);
  return report;
}

/** The `report` subcommand of `tenure clv`. */
export function clvReportCommand(context: CliContext): Command {
  return addClvScoreOptions(
    new Command("report").description("write one self-contained HTML report: fit table, diagnostic charts, top and bottom customers by CLV"),
    "HTML file to write",
  ).action(async (file: string, raw: RawScoreOptions) => {
    await runClvReport(context, file, raw);
  });
}
