export * from "./permissions.ts";
export * from "./purposes.ts";
export * from "./personal-data.ts";
export * from "./mask-personal-data.ts";
export * from "./consent.ts";
export * from "./audit.ts";
export type * from "./customer-scope.ts";
export type * from "./data-subject.ts";
export * from "./pseudonymise-properties.ts";
