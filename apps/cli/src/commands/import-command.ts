import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, statSync, type WriteStream } from "node:fs";
import { basename } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Command } from "commander";
import cliProgress from "cli-progress";
import { findImportWorkspace, importFile, refitCustomerValue, type ImportFileResult, type ImportRejection } from "@tenure/app";
import { importEntities, importPresets, isImportEntity, isImportPreset, type Repositories } from "@tenure/domain";
import { AppError, invalidInput } from "@tenure/shared";
import type { CliContext, CliIo } from "../cli-context.ts";

/** What `tenure import` was asked to do (the parsed command line). */
export interface RunImportOptions {
  readonly entity: string;
  readonly file: string;
  /** `source=target` pairs. */
  readonly map?: readonly string[];
  readonly preset?: string | undefined;
  readonly dryRun?: boolean;
  /** Path of the CSV file that receives rejected rows. */
  readonly errors?: string | undefined;
  readonly workspace?: string | undefined;
  readonly timezone?: string | undefined;
  /** Draw a progress bar on stderr (the command does so when stderr is a terminal). */
  readonly progress?: boolean;
  /** Recompute customer value after purchases changed (the command does unless --no-refit). */
  readonly refit?: boolean;
}

const shownRejections = 5;

/** `tenure import`: load a CSV/TSV file (optionally .gz) into a workspace. */
export function importCommand(context: CliContext): Command {
  return new Command("import")
    .description("import a CSV or TSV file (optionally .gz): rows are upserted by external id, bad rows reported")
    .argument("<entity>", `what the rows are: ${importEntities.join(", ")} (with --preset, the preset decides)`)
    .argument("<file>", "path of the file")
    .option("--map <source=target>", "map a file column to a field (repeatable), e.g. --map 'Customer No=external_id'", collect, [])
    .option("--preset <name>", `a known file layout: ${importPresets.join(", ")}`)
    .option("--dry-run", "validate and count, store nothing")
    .option("--errors <file>", "write rejected rows to this CSV file (line, column, value, reason, then the row)")
    .option("--workspace <slug>", 'workspace to import into (default: "demo", else the oldest)')
    .option("--timezone <zone>", "IANA time zone of timestamps written without an offset (default UTC)")
    .option("--no-refit", "do not recompute customer value (CLV, P(alive)) after importing purchases")
    .action(async (entity: string, file: string, options: { map: string[]; preset?: string; dryRun?: boolean; errors?: string; workspace?: string; timezone?: string; refit: boolean }) => {
      await context.withDatabase(({ repositories }) =>
        runImport(repositories, { entity, file, ...options, progress: process.stderr.isTTY === true }, context.io),
      );
    });
}

/** True when the import stored new or changed orders (what customer value is computed from). */
function changedPurchases(result: ImportFileResult): boolean {
  return !result.dryRun && result.counts.some((c) => (c.entity === "orders" || c.entity === "order-lines") && c.inserted + c.updated > 0);
}

/**
 * Recompute customer value once the import is stored (the server also does
 * on its daily schedule); a fit that fails is reported, and the imported
 * rows stay.
 */
async function refitAfterImport(repositories: Repositories, workspaceId: string, io: CliIo): Promise<void> {
  const started = performance.now();
  const outcome = await refitCustomerValue({ workspaceId, actorId: "cli", role: "admin", purpose: null, requestId: randomUUID() }, { repositories });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (outcome.kind === "no_customers") {
    io.stdout("Customer value: no customer purchases to model yet.");
  } else if (outcome.scoresReplaced) {
    io.stdout(`Customer value refitted (${outcome.fit.model}): ${outcome.customersScored.toLocaleString("en")} customers scored in ${seconds} s.`);
  } else {
    io.stderr(`Customer value: the ${outcome.fit.model} fit did not converge; the previous scores were kept (see GET /api/analytics/clv).`);
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * Run one import as the command does, without commander (tests call it):
 * checks the options, streams the file through importFile, writes the
 * errors file, and prints the counts. Returns the result.
 */
export async function runImport(repositories: Repositories, options: RunImportOptions, io: CliIo): Promise<ImportFileResult> {
  const preset = options.preset ?? null;
  if (preset !== null && !isImportPreset(preset)) throw invalidInput("preset", `Unknown preset "${preset}" (known: ${importPresets.join(", ")})`);
  if (preset === null && !isImportEntity(options.entity)) {
    throw invalidInput("entity", `Unknown entity "${options.entity}" (one of: ${importEntities.join(", ")})`);
  }
  const map = parseMap(options.map ?? []);
  const size = fileSize(options.file);
  const workspace = await findImportWorkspace({ repositories }, options.workspace ?? null);

  // The errors file is (re)written on every run, so an old one never passes for this run's.
  const errors: WriteStream | null = options.errors === undefined ? null : createWriteStream(options.errors);
  const examples: ImportRejection[] = [];
  let rejectionCount = 0;
  const onRejected = (rejection: ImportRejection): void => {
    rejectionCount++;
    if (examples.length < shownRejections) examples.push(rejection);
    errors?.write(csvLine([String(rejection.line), rejection.column, rejection.value, rejection.reason, ...rejection.record]));
  };

  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  const source = createReadStream(options.file);
  const reading = pipeline(source, counter).catch((error: unknown) => {
    throw new AppError("import_file_unreadable", "invalid_input", `Cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}`);
  });
  reading.catch(() => undefined);

  const started = performance.now();
  const bar = options.progress ? new cliProgress.SingleBar({ format: "importing [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {rejected} rejected", stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(size, 0, { rows: 0, rate: 0, rejected: 0 });
  let result: ImportFileResult;
  try {
    result = await importFile(
      { workspaceId: workspace.id, actorId: "cli", role: "admin", purpose: null, requestId: randomUUID() },
      { repositories },
      {
        entity: preset === null && isImportEntity(options.entity) ? options.entity : null,
        preset,
        source: counter,
        map,
        timeZone: options.timezone,
        dryRun: options.dryRun ?? false,
        fileName: basename(options.file),
        workspaceCurrency: workspace.defaultCurrency,
        onHeader: (header) => errors?.write(csvLine(["line", "column", "value", "reason", ...header])),
        onRejected,
        onProgress: (p) => {
          const seconds = (performance.now() - started) / 1000;
          bar?.update(bytesRead, { rows: p.rowsRead, rate: seconds > 0 ? Math.round(p.rowsRead / seconds) : 0, rejected: p.rejected });
        },
      },
    );
  } finally {
    bar?.stop();
    source.destroy();
    await closeStream(errors);
  }
  printSummary(io, result, workspace.slug, (performance.now() - started) / 1000, options.errors, examples, rejectionCount);
  if (options.refit === true && changedPurchases(result)) await refitAfterImport(repositories, workspace.id, io);
  return result;
}

function printSummary(io: CliIo, result: ImportFileResult, slug: string, seconds: number, errorsPath: string | undefined, examples: readonly ImportRejection[], rejections: number): void {
  const rate = seconds > 0 ? Math.round(result.rowsRead / seconds) : result.rowsRead;
  const n = (v: number): string => v.toLocaleString("en");
  io.stdout(
    `${result.dryRun ? "Dry run (nothing stored): checked" : "Imported"} ${n(result.rowsRead)} rows into "${slug}" in ${seconds.toFixed(1)} s (${n(rate)} rows/s); ${n(result.rejected)} rejected.`,
  );
  for (const c of result.counts) {
    io.stdout(`  ${c.entity.padEnd(12)} inserted ${n(c.inserted)}, updated ${n(c.updated)}, unchanged ${n(c.unchanged)}`);
  }
  if (result.ignoredColumns.length > 0) io.stdout(`  ignored columns (map them with --map COLUMN=field): ${result.ignoredColumns.join(", ")}`);
  for (const r of examples) io.stderr(`line ${r.line}, ${r.column} "${r.value}": ${r.reason}`);
  if (rejections > examples.length) io.stderr(`… ${n(rejections - examples.length)} more problems`);
  if (rejections > 0) io.stderr(errorsPath ? `Rejected rows are in ${errorsPath}` : "Write every rejected row to a file with --errors errors.csv");
}

function parseMap(pairs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf("=");
    if (at <= 0 || at === pair.length - 1) throw invalidInput("map", `--map takes source=target (a file column = a field), got "${pair}"`);
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    throw invalidInput("file", `Cannot read ${path}: no such file`);
  }
}

function csvLine(values: readonly string[]): string {
  return `${values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",")}\n`;
}

function closeStream(stream: WriteStream | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream === null) resolve();
    else stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}
