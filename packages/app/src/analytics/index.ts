export * from "./refit-customer-value.ts";
export * from "./request-customer-value-refit.ts";
export * from "./get-customer-value-fit.ts";
export type * from "../jobs/job-queue.ts";
export * from "./rank-customers-by-value.ts";
export * from "./validate-customer-value.ts";
