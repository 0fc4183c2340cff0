export * from "./build-app.ts";
export type * from "./http/api-server.ts";
