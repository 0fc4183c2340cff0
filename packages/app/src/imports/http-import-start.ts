import type { ImportEntity, ImportPreset, Repositories } from "@tenure/domain";
import { isAppError, isTimeZone, invalidInput, type RequestContext } from "@tenure/shared";
import { requestCustomerValueRefit } from "../analytics/request-customer-value-refit.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { authorize } from "../security/authorize.ts";
import { importFile, type ImportFileResult } from "./import-file.ts";
import { httpImportWorkspace } from "./http-import-workspace.ts";
import type { ImportRun, ImportRunResources, ImportRuns } from "./http-import-runs.ts";

/** An uploaded file, received whole. */
export interface ImportUpload extends ImportRunResources {
  readonly bytes: number;
  open(): AsyncIterable<Buffer>;
}

export interface HttpImportInput {
  readonly entity: ImportEntity | null;
  readonly preset: ImportPreset | null;
  readonly map: Readonly<Record<string, string>>;
  readonly timeZone?: string | undefined;
  readonly dryRun: boolean;
  readonly fileName: string | null;
  /** Receives the file; called only once the caller may import (the body is not read before). */
  readonly receive: () => Promise<ImportUpload>;
  /** Told of an error that is not an AppError (to be logged); the run reports it only as unexpected. */
  readonly onUnexpected?: (error: unknown) => void;
}

/**
 * Start importing an uploaded file into ctx's workspace and return at once:
 * the run (see ImportRuns) counts bytes and rows while importFile streams
 * the file in one transaction, then holds the counts, or the error that
 * stored nothing. When the import changed purchases, a customer-value refit
 * is asked for, as after a CLI import.
 */
export async function startHttpImport(
  ctx: RequestContext,
  deps: { repositories: Repositories; jobs?: JobQueue | undefined; runs: ImportRuns },
  input: HttpImportInput,
): Promise<ImportRun> {
  authorize(ctx, "imports.run");
  if (input.entity === null && input.preset === null) throw invalidInput("entity", "Say what the file contains (an entity) or name a preset");
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) throw invalidInput("timezone", `Unknown time zone "${input.timeZone}" (use an IANA name such as Europe/London)`);
  const workspace = await httpImportWorkspace(ctx, deps);
  const upload = await input.receive();
  const fields = { workspaceId: ctx.workspaceId, actorId: ctx.actorId, entity: input.entity, preset: input.preset, fileName: input.fileName, dryRun: input.dryRun, bytesTotal: upload.bytes };
  return deps.runs.add(fields, upload, async (run) => {
    try {
      const result = await importFile(ctx, deps, {
        entity: input.entity,
        preset: input.preset,
        source: counted(upload.open(), run),
        map: input.map,
        timeZone: input.timeZone,
        dryRun: input.dryRun,
        fileName: input.fileName,
        workspaceCurrency: workspace.defaultCurrency,
        onHeader: (header) => upload.errors.header(header),
        onRejected: (rejection) => upload.errors.reject(rejection),
        onProgress: (progress) => {
          run.rowsRead = progress.rowsRead;
          run.rejected = progress.rejected;
        },
      });
      run.rowsRead = result.rowsRead;
      run.rejected = result.rejected;
      run.result = result;
      run.status = "succeeded";
      if (changedPurchases(result)) run.refit = await refit(ctx, deps);
    } catch (error) {
      run.status = "failed";
      if (!isAppError(error)) input.onUnexpected?.(error);
      run.error = isAppError(error)
        ? { code: error.code, message: error.message, details: { ...error.details } }
        : { code: "unexpected", message: "The import stopped on an unexpected error; nothing was stored", details: {} };
    } finally {
      run.finishedAt = new Date();
      await upload.errors.close().catch(() => undefined);
    }
  });
}

async function* counted(source: AsyncIterable<Buffer>, run: ImportRun): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    run.bytesRead += chunk.length;
    yield chunk;
  }
}

function changedPurchases(result: ImportFileResult): boolean {
  return !result.dryRun && result.counts.some((c) => (c.entity === "orders" || c.entity === "order-lines") && c.inserted + c.updated > 0);
}

async function refit(ctx: RequestContext, deps: { repositories: Repositories; jobs?: JobQueue | undefined }): Promise<ImportRun["refit"]> {
  try {
    return (await requestCustomerValueRefit(ctx, deps)).status;
  } catch {
    return "failed";
  }
}
