export * from "./recompute-sla-states.ts";
export * from "./get-case-sla.ts";
export * from "./list-sla-alerts.ts";
export * from "./get-sla-attainment.ts";
export * from "./save-sla-policy.ts";
export * from "./save-business-calendar.ts";
export * from "./list-sla-configuration.ts";
export * from "./delete-sla-configuration.ts";
