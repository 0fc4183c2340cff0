import { Command } from "commander";
import type { CliContext } from "../../cli-context.ts";
import { clvFitCommand } from "./clv-fit-command.ts";
import { clvReportCommand } from "./clv-report-command.ts";
import { clvScoreCommand } from "./clv-score-command.ts";

/** `tenure clv`: the analyst's customer-value commands (fit, score, report). */
export function clvCommand(context: CliContext): Command {
  return new Command("clv")
    .description("customer lifetime value: fit BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, sBG or Gamma-Gamma; score customers; write a report")
    .addCommand(clvFitCommand(context))
    .addCommand(clvScoreCommand(context))
    .addCommand(clvReportCommand(context));
}
