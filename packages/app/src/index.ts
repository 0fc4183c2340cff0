export * from "./access/authenticate-token.ts";
export * from "./access/create-api-token.ts";
export * from "./customers/create-customer.ts";
export * from "./customers/get-customer-profile.ts";
export * from "./customers/list-customer-timeline.ts";
export * from "./customers/list-customers.ts";
export * from "./customers/update-customer.ts";
export * from "./ingestion/ingest-segment-messages.ts";
