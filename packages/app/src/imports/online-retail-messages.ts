import type { ImportProblem, OrderLineCopy, StagedRows } from "@tenure/domain";
import type { ErrorCategory, ErrorDetails } from "@tenure/shared";

/** What the import worker thread is started with (workerData). */
export interface OnlineRetailWorkerData {
  readonly workspaceId: string;
  /** `--map source=target`: a file column → the preset's column name. */
  readonly map: Readonly<Record<string, string>>;
  readonly timeZone: string;
  /** Lines per batch (a batch ends at an invoice boundary at or after this many lines). */
  readonly batchSize: number;
}

/** Messages from the thread that holds the database to the worker. */
export type ToWorker =
  /** The next piece of the file (answer to "pull"), or its end. */
  | { readonly type: "bytes"; readonly chunk: Uint8Array }
  | { readonly type: "end" }
  /** What the database said about a batch: orders it inserted, and the ids of the products its lines name. */
  | { readonly type: "ids"; readonly batch: number; readonly created: readonly (readonly [string, string])[]; readonly products: readonly (readonly [string, string | null])[] };

/** A file row the preset refused. */
export interface RejectedLine {
  readonly line: number;
  readonly record: readonly string[];
  readonly problems: readonly ImportProblem[];
}

/** Messages from the worker. */
export type FromWorker =
  /** Send the next piece of the file. */
  | { readonly type: "pull" }
  /** The file's header, and what is wrong with it for the preset (null: nothing). */
  | { readonly type: "header"; readonly header: readonly string[]; readonly delimiter: "," | "\t"; readonly problems: readonly string[] | null }
  /** Rows read so far, and the rows refused since the last progress. */
  | { readonly type: "progress"; readonly rowsRead: number; readonly rejected: readonly RejectedLine[] }
  /** A batch's records to write first; answer with "ids", then its lines follow. */
  | { readonly type: "batch"; readonly batch: number; readonly customers: StagedRows; readonly products: StagedRows; readonly orders: StagedRows; readonly productKeys: readonly string[] }
  /** A batch's lines: those to copy, and the rest to upsert (with their file rows, for error reports). */
  | { readonly type: "lines"; readonly batch: number; readonly copy: OrderLineCopy & { readonly text: Uint8Array }; readonly rest: StagedRows; readonly restSources: readonly (readonly string[])[] }
  /** The file is read: invoices to total again, and customers' and products' final values. */
  | { readonly type: "done"; readonly reopened: readonly string[]; readonly customers: StagedRows; readonly products: StagedRows }
  | { readonly type: "error"; readonly error: WorkerError };

/** An error as it crosses threads (an AppError keeps its code, category and details). */
export interface WorkerError {
  readonly message: string;
  readonly stack?: string | undefined;
  readonly appError?: { readonly code: string; readonly category: ErrorCategory; readonly details: ErrorDetails } | undefined;
}
