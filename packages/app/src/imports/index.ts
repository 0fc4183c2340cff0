export * from "./find-import-workspace.ts";
export * from "./import-file.ts";
export type * from "./import-counts.ts";
export type { ImportProgress, ImportRejection } from "./import-tally.ts";
export * from "./http-import-preview.ts";
export * from "./http-import-runs.ts";
export * from "./http-import-start.ts";
export * from "./http-import-errors-csv.ts";
