export * from "./user.ts";
export type * from "./user-repository.ts";
export * from "./session.ts";
