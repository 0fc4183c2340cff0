/** Barrel of the case core (SLAs, handoffs, known problems and recovery have their own). */
export * from "./case.ts";
export * from "./case-status.ts";
export * from "./case-repository.ts";
export * from "./case-service-metrics.ts";
export * from "./case-log-replay.ts";
