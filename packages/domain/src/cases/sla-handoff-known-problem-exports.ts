/** Barrel of SLAs, warm handoff and known problems (the case core has its own). */
export * from "./business-calendar.ts";
export * from "./business-calendar-zone.ts";
export * from "./business-calendar-timeline.ts";
export * from "./sla-policy.ts";
export * from "./sla-clock.ts";
export * from "./sla-evaluation.ts";
export type * from "./sla-repository.ts";
export * from "./handoff.ts";
export * from "./responsibility-map.ts";
export type * from "./handoff-repository.ts";
export * from "./known-problem.ts";
export * from "./known-problem-rising.ts";
export type * from "./known-problem-repository.ts";
export * from "./sla-bulk.ts";
