export * from "./insights-repository.ts";
