import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Command } from "commander";
import cliProgress from "cli-progress";
import { findImportWorkspace, importFeedback, type FeedbackImportResult } from "@tenure/app";
import type { Repositories } from "@tenure/domain";
import { AppError, invalidInput } from "@tenure/shared";
import type { CliContext, CliIo } from "../../cli-context.ts";

const shownProblems = 20;

export interface RunFeedbackImportOptions {
  file: string;
  workspace?: string | undefined;
  /** Draw a progress bar on stderr (the command does when stderr is a terminal). */
  progress?: boolean;
}

/** `tenure feedback import <file>`: complaints, contact-centre notes, social posts as feedback with themes and sentiment. */
export function feedbackCommand(context: CliContext): Command {
  const feedback = new Command("feedback").description("customer feedback: import complaints, notes and posts (tagged with themes and sentiment)");
  feedback
    .command("import")
    .description("import feedback from a CSV file; every line is checked first and nothing is stored if any is refused")
    .argument("<file>", "columns: source (survey, complaint, contact_centre, social, other), text, language (en, ja, zh, ru) required; customer_id, occurred_at, external_id optional")
    .option("--workspace <slug>", 'workspace to import into (default: "demo", else the oldest)')
    .action(async (file: string, options: { workspace?: string }) => {
      await context.withDatabase(({ repositories }) => runFeedbackImport(repositories, { file, ...options, progress: process.stderr.isTTY === true }, context.io));
    });
  return feedback;
}

/** Run one feedback import as the command does, without commander (tests call it); prints the counts or the refused lines. */
export async function runFeedbackImport(repositories: Repositories, options: RunFeedbackImportOptions, io: CliIo): Promise<FeedbackImportResult> {
  let csv: string;
  try {
    csv = readFileSync(options.file, "utf8");
  } catch (error) {
    throw invalidInput("file", `Cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const workspace = await findImportWorkspace({ repositories }, options.workspace ?? null);
  const ctx = { workspaceId: workspace.id, actorId: "cli", role: "admin" as const, purpose: null, requestId: randomUUID() };
  const bar = options.progress ? new cliProgress.SingleBar({ format: "storing [{bar}] {percentage}% | {value}/{total} items", stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  let started = false;
  const result = await importFeedback(ctx, { repositories }, {
    csv,
    onProgress: (done, total) => {
      if (!started) bar?.start(total, 0);
      started = true;
      bar?.update(done);
    },
  });
  bar?.stop();
  if (!result.ok) {
    for (const p of result.problems.slice(0, shownProblems)) io.stderr(`line ${p.line}, column ${p.field}: ${p.message.replace(/^line \d+: /, "")}`);
    if (result.problems.length > shownProblems) io.stderr(`… and ${result.problems.length - shownProblems} more`);
    throw new AppError("feedback_import_refused", "invalid_input", `${options.file}: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}; nothing was imported`, { field: "file" });
  }
  io.stdout(`Imported ${result.imported.toLocaleString("en")} feedback item${result.imported === 1 ? "" : "s"} into "${workspace.slug}" (${result.duplicates} already imported).`);
  return result;
}
