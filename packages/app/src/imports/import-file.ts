import { buildImportPlan, type ImportEntity, type ImportPreset, type ImportSession, type Repositories } from "@tenure/domain";
import { AppError, isTimeZone, type RequestContext } from "@tenure/shared";
import type { ImportCounts } from "./import-counts.ts";
import { ImportTally, type ImportListeners } from "./import-tally.ts";
import { authorize } from "../security/authorize.ts";
import { importAuditEntry } from "./import-audit-entry.ts";
import { OnlineRetailWorker } from "./online-retail-worker-client.ts";
import { readCsvRecords } from "./read-csv-records.ts";
import { writeEntityFile } from "./write-entity-file.ts";
import { writeOnlineRetailFile } from "./write-online-retail-file.ts";

export interface ImportFileInput extends ImportListeners {
  /** What the rows are; with a preset, the preset decides. */
  readonly entity: ImportEntity | null;
  readonly preset?: ImportPreset | null;
  /** The file's bytes: CSV or TSV, optionally gzip-compressed. */
  readonly source: AsyncIterable<Buffer | string>;
  /** `--map source=target`: a file column → a field (or, with a preset, → the preset's column name). */
  readonly map?: Readonly<Record<string, string>>;
  /** IANA zone of timestamps written without an offset (default UTC). */
  readonly timeZone?: string;
  /** Validate and count, then roll everything back. */
  readonly dryRun?: boolean;
  /** Currency of money columns that name none (the workspace's). */
  readonly workspaceCurrency: string;
  /** Called once with the file's header, before any row. */
  readonly onHeader?: (header: readonly string[]) => void;
  /** Rows per database batch (default 20,000). */
  readonly batchSize?: number;
  /** The file's name, for the audit row (CLI: the file's name without its folders; HTTP: file_name). */
  readonly fileName?: string | null;
}

export interface ImportFileResult {
  readonly header: readonly string[];
  readonly delimiter: "," | "\t";
  /** File columns that match no field and were not mapped. */
  readonly ignoredColumns: readonly string[];
  /** Data rows read (the header excluded). */
  readonly rowsRead: number;
  /** Rows refused (each is in the errors file with its reasons); the others were stored. */
  readonly rejected: number;
  readonly dryRun: boolean;
  /** Per entity written: rows inserted, updated, and found unchanged. */
  readonly counts: readonly ImportCounts[];
}


/**
 * Import a CSV/TSV file into ctx's workspace: stream it, validate each row,
 * and upsert the valid ones in batches by external id, so re-importing a
 * file changes nothing. Bad rows are reported through onRejected and
 * counted; a file that is not CSV at all stores nothing and throws
 * invalid_input naming the line. The whole file is one transaction (a dry
 * run rolls it back after counting).
 */
export async function importFile(ctx: RequestContext, deps: { repositories: Repositories }, input: ImportFileInput): Promise<ImportFileResult> {
  authorize(ctx, "imports.run");
  const batchSize = input.batchSize ?? 20_000;
  const timeZone = input.timeZone ?? "UTC";
  if (!isTimeZone(timeZone)) throw new AppError("invalid_input", "invalid_input", `Unknown time zone "${timeZone}" (use an IANA name such as Europe/London)`, { field: "timezone" });
  const tally = new ImportTally(input);
  const prepared = input.preset === "online-retail" ? await prepareOnlineRetail(ctx, input, timeZone, batchSize, tally) : await prepareEntityFile(input, timeZone, batchSize, tally);
  const { header, delimiter, ignoredColumns, run } = prepared;

  const session = await deps.repositories.imports.begin(ctx.workspaceId).catch(async (error: unknown) => {
    await prepared.close?.();
    throw error;
  });
  let counts: ImportCounts[];
  try {
    counts = await run(session);
  } catch (error) {
    await session.rollback().catch(() => undefined); // the first failure is the one to report
    throw error;
  } finally {
    await prepared.close?.();
  }
  const result: ImportFileResult = { header, delimiter, ignoredColumns, rowsRead: tally.rowsRead, rejected: tally.rejected, dryRun: input.dryRun ?? false, counts };
  if (input.dryRun) {
    await session.rollback();
    return result;
  }
  await session.commit();
  const written = Object.fromEntries(counts.map(({ entity, inserted, updated, unchanged }) => [entity, { inserted, updated, unchanged }]));
  await deps.repositories.audit.append([
    importAuditEntry(ctx, { entity: input.entity, preset: input.preset ?? null, fileName: input.fileName ?? null, rowsRead: result.rowsRead, rejected: result.rejected, counts: written }),
  ]);
  return result;
}

/** A file whose header was read and found usable, and how to write it in an import session. */
interface PreparedImport {
  readonly header: readonly string[];
  readonly delimiter: "," | "\t";
  readonly ignoredColumns: readonly string[];
  readonly run: (session: ImportSession) => Promise<ImportCounts[]>;
  /** Let go of what reads the file (the worker thread). */
  readonly close?: () => Promise<void>;
}

/** The Online Retail preset: a worker thread reads the file and runs the preset; this thread writes (write-online-retail-file.ts). */
async function prepareOnlineRetail(ctx: RequestContext, input: ImportFileInput, timeZone: string, batchSize: number, tally: ImportTally): Promise<PreparedImport> {
  const { worker, header } = await OnlineRetailWorker.start(input.source, { workspaceId: ctx.workspaceId, map: input.map ?? {}, timeZone, batchSize });
  try {
    input.onHeader?.(header.header);
    if (header.problems !== null) throw headerError(header.problems);
  } catch (error) {
    await worker.close();
    throw error;
  }
  return { header: header.header, delimiter: header.delimiter, ignoredColumns: [], run: (session) => writeOnlineRetailFile(session, worker, tally), close: () => worker.close() };
}

/** One entity, its columns mapped to fields (buildImportPlan). */
async function prepareEntityFile(input: ImportFileInput, timeZone: string, batchSize: number, tally: ImportTally): Promise<PreparedImport> {
  const csv = await readCsvRecords(input.source);
  input.onHeader?.(csv.header);
  if (input.entity === null) throw new AppError("invalid_input", "invalid_input", "Say what the file contains (an entity) or name a preset", { field: "entity" });
  const planned = buildImportPlan(input.entity, csv.header, { map: input.map ?? {}, workspaceCurrency: input.workspaceCurrency, timeZone });
  if (!planned.ok) throw headerError(planned.problems);
  return { header: csv.header, delimiter: csv.delimiter, ignoredColumns: planned.plan.ignoredColumns, run: async (session) => [await writeEntityFile(session, csv.chunks, planned.plan, tally, batchSize)] };
}

function headerError(problems: readonly string[]): AppError {
  return new AppError("import_header_invalid", "invalid_input", `The file's columns do not fit: ${problems.join("; ")}`, { problems });
}
