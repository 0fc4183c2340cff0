export * from "./main.ts";
export type * from "./cli-context.ts";
