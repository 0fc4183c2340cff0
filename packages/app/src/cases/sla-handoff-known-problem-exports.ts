/** Barrel of the SLA, warm-handoff and known-problem use cases (the case core has its own). */
export * from "./sla/index.ts";
export * from "./handoff-propose.ts";
export * from "./handoff-request.ts";
export * from "./handoff-decide.ts";
export * from "./handoff-list.ts";
export * from "./responsibility-map-save.ts";
export * from "./responsibility-map-list.ts";
export * from "./known-problem-save.ts";
export * from "./known-problem-list.ts";
export * from "./known-problem-link.ts";
export * from "./known-problem-rising.ts";
export * from "./handoff-demo-seed.ts";
