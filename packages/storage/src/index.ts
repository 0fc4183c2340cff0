export * from "./database/create-database.ts";
export * from "./database/migrate.ts";
export type * from "./database/schema.ts";
export * from "./testing/test-databases.ts";
export * from "./create-repositories.ts";
export * from "./jobs/job-queue-sql.ts";
