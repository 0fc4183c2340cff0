/** Barrel of the case core use cases (SLAs, handoffs, known problems and recovery have their own). */
export * from "./case-access.ts";
export * from "./create-case.ts";
export * from "./update-case.ts";
export * from "./change-case-status.ts";
export * from "./add-case-comment.ts";
export * from "./get-case.ts";
export * from "./list-cases.ts";
export * from "./get-service-metrics.ts";
export * from "./validate-case-fields.ts";
export * from "./import-cases-csv.ts";
export * from "./import-ticket-log.ts";
export type { CaseImportRejection, CaseImportResult } from "./case-import-store.ts";
