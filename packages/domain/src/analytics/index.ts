export type * from "./customer-value-repository.ts";
export * from "./customer-value-settings.ts";
export type * from "./value-ranking-repository.ts";
