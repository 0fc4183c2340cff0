import type { CustomerScoreColumns } from "@tenure/domain";
import type { SqlSession } from "../database/sql-session.ts";

/** Rows per COPY statement: bounds the text held in memory at once. */
const COPY_ROWS = 50_000;
/** numeric(18,4) holds |v| < 10^14. */
const NUMERIC_LIMIT = 1e14;

const columns = [
  "customer_id",
  "frequency",
  "recency",
  "age",
  "monetary",
  "p_alive",
  "expected_purchases_90",
  "expected_purchases_365",
  "expected_spend",
  "clv",
] as const;

/**
 * Replace every score of a workspace by `scores`, inside the caller's
 * transaction: COPY (in chunks) into an unindexed temporary table, then one
 * DELETE and one INSERT … SELECT. The rows arrive in customer order (the
 * summaries' GROUP BY), so the primary-key inserts are sequential. A customer
 * deleted since the summaries were read fails the foreign key and with it the
 * whole write (nothing half-written; the next refit succeeds).
 */
export async function writeCustomerScores(session: SqlSession, workspaceId: string, scores: CustomerScoreColumns): Promise<void> {
  await session.query(
    `create temporary table customer_scores_stage (
       customer_id text not null, frequency integer not null, recency float8 not null, age float8 not null,
       monetary numeric(18,4), p_alive float8 not null, expected_purchases_90 float8 not null,
       expected_purchases_365 float8 not null, expected_spend numeric(18,4), clv numeric(18,4)) on commit drop`,
  );
  const n = scores.customerIds.length;
  for (let from = 0; from < n; from += COPY_ROWS) {
    await session.copyIn(`customer_scores_stage (${columns.join(", ")})`, encodeScores(scores, from, Math.min(n, from + COPY_ROWS)));
  }
  await session.query("delete from customer_scores where workspace_id = $1", [workspaceId]);
  await session.query(
    `insert into customer_scores (workspace_id, fit_id, computed_at, ${columns.join(", ")})
     select $1, $2, $3, ${columns.join(", ")} from customer_scores_stage`,
    [workspaceId, scores.fitId, scores.computedAt.toISOString()],
  );
}

/**
 * Rows [from, to) in COPY text format; money columns as fixed 4-decimal text,
 * \N when unknown; floats as JS prints them (NaN and Infinity included, as
 * PostgreSQL reads them). Customer ids are generated ids (newId), never holding a tab,
 * newline or backslash, so they need no escaping.
 */
function encodeScores(s: CustomerScoreColumns, from: number, to: number): string {
  const lines: string[] = new Array<string>(to - from);
  for (let i = from; i < to; i++) {
    lines[i - from] =
      `${s.customerIds[i]!}\t${s.frequency[i]!}\t${s.recency[i]!}\t${s.age[i]!}\t${money(s.monetary[i]!)}\t` +
      `${s.pAlive[i]!}\t${s.expectedPurchases90[i]!}\t${s.expectedPurchases365[i]!}\t` +
      `${money(s.expectedSpend[i]!)}\t${money(s.clv[i]!)}`;
  }
  return `${lines.join("\n")}\n`;
}

function money(value: number): string {
  return Number.isFinite(value) && Math.abs(value) < NUMERIC_LIMIT ? value.toFixed(4) : "\\N";
}
