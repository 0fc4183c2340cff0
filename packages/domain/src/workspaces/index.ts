export type * from "./workspace-repository.ts";
