export * from "./preference-repository.ts";
