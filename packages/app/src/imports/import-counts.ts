import type { ImportEntity } from "@tenure/domain";

/** What an import did to one entity's records. */
export interface ImportCounts {
  readonly entity: ImportEntity;
  inserted: number;
  updated: number;
  unchanged: number;
}
