export * from "./app-error.ts";
export * from "./ids.ts";
export * from "./money.ts";
export * from "./request-context.ts";
export * from "./secrets.ts";
export * from "./config/load-config.ts";
export * from "./field-formats.ts";
export * from "./config/server-secret.ts";
