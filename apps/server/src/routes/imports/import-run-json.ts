import type { ImportRun } from "@tenure/app";
import type { ImportRunJson } from "@tenure/api-schemas";

/** An import run in the API's shape. */
export function toImportRunJson(run: ImportRun): ImportRunJson {
  return {
    id: run.id,
    status: run.status,
    entity: run.entity,
    preset: run.preset,
    file_name: run.fileName,
    dry_run: run.dryRun,
    bytes_total: run.bytesTotal,
    bytes_read: run.bytesRead,
    rows_read: run.rowsRead,
    rejected: run.rejected,
    counts: (run.result?.counts ?? []).map((c) => ({ entity: c.entity, inserted: c.inserted, updated: c.updated, unchanged: c.unchanged })),
    ignored_columns: [...(run.result?.ignoredColumns ?? [])],
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt ? run.finishedAt.toISOString() : null,
    error: run.error,
    refit: run.refit,
  };
}
