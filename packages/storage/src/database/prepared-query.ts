import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "./create-database.ts";
import type { Schema } from "./schema.ts";

/** Runs one hot read, by name. */
export type PreparedQuery = <R>(name: string, text: string, values: readonly unknown[]) => Promise<R[]>;

/**
 * Hot reads as plain SQL: on a PostgreSQL pool outside a transaction, a named
 * prepared statement, so each pooled connection parses and plans it once
 * (for the customer page and the survey page, planning cost the server more
 * than running the query); on PGlite or inside a transaction, through `db`.
 */
export function preparedQueries(database: Database, db: Kysely<Schema>): PreparedQuery {
  const pool = db.isTransaction ? null : database.pool;
  return async <R>(name: string, text: string, values: readonly unknown[]) => {
    if (pool) return (await pool.query<R & Record<string, unknown>>({ name, text, values: [...values] })).rows;
    return (await db.executeQuery<R>(CompiledQuery.raw(text, [...values]))).rows;
  };
}
