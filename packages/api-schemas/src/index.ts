export * from "./customers/customer-fields.ts";
export * from "./customers/customer-requests.ts";
export * from "./customers/customer-responses.ts";
export * from "./health.ts";
export * from "./problem.ts";
export * from "./segment/segment-messages.ts";
export * from "./analytics/clv-schemas.ts";
