export * from "./recovery.ts";
export * from "./recovery-letter.ts";
export * from "./recovery-letter-templates.ts";
export * from "./recovery-paradox.ts";
export * from "./recovery-report-texts.ts";
export type * from "./recovery-repository.ts";
