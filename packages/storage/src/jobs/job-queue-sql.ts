import { CompiledQuery } from "kysely";
import type { Database } from "../database/create-database.ts";

/** What a job queue library needs of a database (pg-boss: its `db` option). */
export interface JobQueueSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss on our own connections. PostgreSQL: the pool (pg-boss sends a
 * parameterless statement as a simple query, so its multi-statement
 * migrations work). PGlite: through Kysely's connection checkout, so a
 * pg-boss statement never interleaves with an open transaction of ours on
 * the one PGlite connection (a statement without parameters is run with
 * exec, which allows several statements, like pg).
 */
export function jobQueueSql(database: Database): JobQueueSql {
  const pool = database.pool;
  if (pool) return { executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }) };
  return {
    executeSql: (text, values) =>
      database.db.connection().execute(async (connection) => ({ rows: (await connection.executeQuery(CompiledQuery.raw(text, values ?? []))).rows })),
  };
}
