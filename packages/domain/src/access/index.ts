export * from "./api-token.ts";
export type * from "./access-repository.ts";
