import type { ImportEntity } from "./import-entity.ts";
import type { StagedRows } from "./import-repository.ts";

/** An empty StagedRows to push rows into. */
export function stagedRows(entity: ImportEntity, fields: readonly string[], insertOnlyFields: readonly string[] = []): StagedRows {
  return { entity, fields, insertOnlyFields, lines: [], values: [] };
}
