export type * from "./demo-dataset.ts";
export type * from "./demo-repository.ts";
export * from "./generate-demo-workspace.ts";
export * from "./demo-recoveries.ts";
export * from "./demo-surveys.ts";
export * from "./demo-handoffs.ts";
