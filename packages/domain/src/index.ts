export type * from "./repositories.ts";
export * from "./access/index.ts";
export * from "./customers/index.ts";
export * from "./demo/index.ts";
export * from "./workspaces/index.ts";
export * from "./ingestion/index.ts";
export * from "./imports/index.ts";
export * from "./analytics/index.ts";
export * from "./surveys/index.ts";
