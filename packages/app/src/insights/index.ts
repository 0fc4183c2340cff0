export * from "./get-dashboard.ts";
export * from "./list-customer-metrics.ts";
export * from "./get-customer-activity.ts";
export * from "./value-history.ts";
