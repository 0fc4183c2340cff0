import { randomUUID } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { Command } from "commander";
import cliProgress from "cli-progress";
import { findImportWorkspace, importCasesCsv, importTicketLog, type CaseImportResult } from "@tenure/app";
import { ticketLogFormats, type Repositories, type TicketLogFormat } from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";
import type { CliContext, CliIo } from "../../cli-context.ts";

const shownRejections = 5;

export interface RunCaseImportOptions {
  file: string;
  /** null: a case CSV file; otherwise a ticket event log. */
  format: TicketLogFormat | null;
  workspace?: string | undefined;
  customer?: string | undefined;
  timezone?: string | undefined;
  progress?: boolean;
}

/** `tenure cases`: import cases from a CSV file or a ticket event log. */
export function casesCommand(context: CliContext): Command {
  const cases = new Command("cases").description("support cases: import case files and ticket histories");
  cases
    .command("import")
    .description("import cases from a CSV or TSV file (optionally .gz): one case a row, skipped when its external_id exists")
    .argument("<file>", "columns: external_id, customer_external_id, subject, opened_at (required), description, channel, category, product_id, priority, status, team, first_response_at, resolved_at, closed_at, resolution_note")
    .option("--workspace <slug>", 'workspace to import into (default: "demo", else the oldest)')
    .option("--timezone <zone>", "IANA time zone of timestamps written without an offset (default UTC)")
    .action(async (file: string, options: { workspace?: string; timezone?: string }) => {
      await context.withDatabase(({ repositories }) => runCaseImport(repositories, { file, format: null, ...options, progress: process.stderr.isTTY === true }, context.io));
    });
  cases
    .command("import-log")
    .description("import a ticket event log as cases with their status history")
    .argument("<file>", "the log (CSV, optionally .gz)")
    .requiredOption("--format <format>", `the log's layout: ${ticketLogFormats.join(", ")}`)
    .option("--customer <external-id>", "customer of the tickets when the log names none (Helpdesk; default <format>-log, created if missing)")
    .option("--workspace <slug>", 'workspace to import into (default: "demo", else the oldest)')
    .action(async (file: string, options: { format: string; customer?: string; workspace?: string }) => {
      if (!(ticketLogFormats as readonly string[]).includes(options.format)) {
        throw invalidInput("format", `Unknown log format "${options.format}" (one of: ${ticketLogFormats.join(", ")})`);
      }
      const format = options.format as TicketLogFormat;
      await context.withDatabase(({ repositories }) =>
        runCaseImport(repositories, { file, format, customer: options.customer, workspace: options.workspace, progress: process.stderr.isTTY === true }, context.io),
      );
    });
  return cases;
}

/** Run one case import as the commands do, without commander (tests call it); prints the counts. */
export async function runCaseImport(repositories: Repositories, options: RunCaseImportOptions, io: CliIo): Promise<CaseImportResult> {
  try {
    statSync(options.file);
  } catch {
    throw invalidInput("file", `Cannot read ${options.file}: no such file`);
  }
  const workspace = await findImportWorkspace({ repositories }, options.workspace ?? null);
  const ctx: RequestContext = { workspaceId: workspace.id, actorId: "cli", role: "admin", purpose: null, requestId: randomUUID() };
  const bar = options.progress ? new cliProgress.SingleBar({ format: "importing {rows} rows read | {seconds} s", stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  const started = performance.now();
  bar?.start(0, 0, { rows: 0, seconds: "0.0" });
  const onProgress = (rows: number) => bar?.update(rows, { rows: rows.toLocaleString("en"), seconds: ((performance.now() - started) / 1000).toFixed(1) });
  const source = createReadStream(options.file);
  let result: CaseImportResult;
  try {
    result =
      options.format === null
        ? await importCasesCsv(ctx, { repositories }, source, { timeZone: options.timezone, onProgress })
        : await importTicketLog(ctx, { repositories }, source, { format: options.format, customerExternalId: options.customer, onProgress });
  } finally {
    bar?.stop();
    source.destroy();
  }
  const n = (v: number) => v.toLocaleString("en");
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stdout(`Imported ${n(result.inserted)} cases into "${workspace.slug}" in ${seconds} s; ${n(result.skipped)} already there; ${n(result.rejected.length)} rows rejected.`);
  if (result.outOfOrder > 0) io.stdout(`  ${n(result.outOfOrder)} log activities had no allowed transition at their point and were kept as log entries.`);
  for (const r of result.rejected.slice(0, shownRejections)) io.stderr(`line ${r.line}${r.column ? `, ${r.column}` : ""}: ${r.reason}`);
  if (result.rejected.length > shownRejections) io.stderr(`… ${n(result.rejected.length - shownRejections)} more problems`);
  return result;
}
