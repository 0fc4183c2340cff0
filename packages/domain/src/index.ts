export type * from "./repositories.ts";
