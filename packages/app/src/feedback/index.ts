export * from "./analyse-feedback.ts";
export * from "./check-feedback-fields.ts";
export * from "./record-feedback.ts";
export * from "./import-feedback.ts";
export * from "./theme-dictionaries.ts";
export * from "./get-feedback-themes.ts";
export type { CsvLineProblem } from "./parse-csv-records.ts";
