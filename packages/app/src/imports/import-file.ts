import { buildImportPlan, OnlineRetailPreset, type ImportEntity, type ImportPreset, type Repositories } from "@tenure/domain";
import { AppError, isTimeZone, type RequestContext } from "@tenure/shared";
import type { ImportCounts } from "./import-counts.ts";
import { ImportTally, type ImportListeners } from "./import-tally.ts";
import { authorize } from "../security/authorize.ts";
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
  const csv = await readCsvRecords(input.source);
  input.onHeader?.(csv.header);
  const tally = new ImportTally(input);

  let ignoredColumns: readonly string[] = [];
  let run: (session: Awaited<ReturnType<Repositories["imports"]["begin"]>>) => Promise<ImportCounts[]>;
  if (input.preset === "online-retail") {
    const header = csv.header.map((h) => input.map?.[h] ?? h);
    const preset = OnlineRetailPreset.fromHeader(header, timeZone);
    if (!(preset instanceof OnlineRetailPreset)) throw headerError(preset.problems);
    run = (session) => writeOnlineRetailFile(session, csv.chunks, preset, tally, batchSize);
  } else {
    if (input.entity === null) throw new AppError("invalid_input", "invalid_input", "Say what the file contains (an entity) or name a preset", { field: "entity" });
    const planned = buildImportPlan(input.entity, csv.header, { map: input.map ?? {}, workspaceCurrency: input.workspaceCurrency, timeZone });
    if (!planned.ok) throw headerError(planned.problems);
    ignoredColumns = planned.plan.ignoredColumns;
    run = async (session) => [await writeEntityFile(session, csv.chunks, planned.plan, tally, batchSize)];
  }

  const session = await deps.repositories.imports.begin(ctx.workspaceId);
  let counts: ImportCounts[];
  try {
    counts = await run(session);
  } catch (error) {
    await session.rollback().catch(() => undefined); // the first failure is the one to report
    throw error;
  }
  if (input.dryRun) await session.rollback();
  else await session.commit();
  return {
    header: csv.header,
    delimiter: csv.delimiter,
    ignoredColumns,
    rowsRead: tally.rowsRead,
    rejected: tally.rejected,
    dryRun: input.dryRun ?? false,
    counts,
  };
}

function headerError(problems: readonly string[]): AppError {
  return new AppError("import_header_invalid", "invalid_input", `The file's columns do not fit: ${problems.join("; ")}`, { problems });
}
