export * from "./find-import-workspace.ts";
export * from "./import-file.ts";
export type * from "./import-counts.ts";
export type { ImportProgress, ImportRejection } from "./import-tally.ts";
