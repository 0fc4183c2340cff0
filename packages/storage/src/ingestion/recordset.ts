import { sql, type RawBuilder } from "kysely";

/**
 * `jsonb_to_recordset($n::jsonb) as x(col type, …)`: many rows sent as ONE
 * bind parameter. A multi-row write then costs one round trip and never hits
 * PostgreSQL's 65,535-parameter limit, whatever the batch size. `columns` is
 * a static column list written in code (never input).
 */
export function recordset(rows: readonly object[], columns: string): RawBuilder<unknown> {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${sql.raw(columns)})`;
}
