export * from "./customer.ts";
export type * from "./customer-repository.ts";
export * from "./customer-search.ts";
export * from "./page-cursor.ts";
export * from "./timeline-event.ts";
export * from "./validate-customer-fields.ts";
