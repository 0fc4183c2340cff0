export * from "./build-app.ts";
export type * from "./http/api-server.ts";
export * from "./main.ts";
export * from "./open-configured-database.ts";
