import { sql, type RawBuilder } from "kysely";
import type { ServiceGrouping, ServiceMetricsQuery, ServiceMetricsRow } from "@tenure/domain";
import type { CaseDb } from "./case-tables.ts";

function groupExpression(query: ServiceMetricsQuery): RawBuilder<string | null> {
  const byGroup: Record<ServiceGrouping, RawBuilder<string | null>> = {
    team: sql`c.team_id`,
    agent: sql`c.owner_user_id`,
    product: sql`c.product_id`,
    category: sql`c.category`,
    period: sql`to_char(date_trunc(${query.period}, c.opened_at at time zone 'UTC'), 'YYYY-MM-DD')`,
  };
  return query.groupBy ? byGroup[query.groupBy] : sql`null::text`;
}

/** The cases of the query with their group key, as a CTE named c. */
function scopedCases(workspaceId: string, query: ServiceMetricsQuery): RawBuilder<unknown> {
  return sql`with c as (
    select ${groupExpression(query)} as g, c.id, c.workspace_id, c.status, c.reopen_count, c.handoff_count, c.resolved_at,
           extract(epoch from (c.first_response_at - c.opened_at))::float8 / 3600 as first_response_hours,
           extract(epoch from (c.resolved_at - c.opened_at))::float8 / 3600 as resolution_hours
    from cases c
    where c.workspace_id = ${workspaceId} and c.opened_at >= ${query.from} and c.opened_at < ${query.to})`;
}

async function tableHasColumn(db: CaseDb, table: string, column: string): Promise<boolean> {
  const found = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(db);
  return (found.rows[0]?.n ?? 0) > 0;
}

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * Service figures per group: first response and resolution time (median,
 * p90; hours), reopen rate, handoffs per case; SLA attainment from case_sla
 * and mean CES of answers to case surveys when those tables exist.
 */
export async function serviceMetrics(db: CaseDb, workspaceId: string, query: ServiceMetricsQuery): Promise<{ rows: ServiceMetricsRow[]; slaAvailable: boolean; cesAvailable: boolean }> {
  const cases = scopedCases(workspaceId, query);
  const base = await sql<{ g: string | null; cases: number; resolved: number; fr50: number | null; fr90: number | null; rt50: number | null; rt90: number | null; reopen_rate: number | null; handoffs: number | null }>`${cases}
    select g, count(*)::int as cases, count(*) filter (where status in ('resolved','closed'))::int as resolved,
      percentile_cont(0.5) within group (order by first_response_hours) as fr50,
      percentile_cont(0.9) within group (order by first_response_hours) as fr90,
      percentile_cont(0.5) within group (order by resolution_hours) as rt50,
      percentile_cont(0.9) within group (order by resolution_hours) as rt90,
      avg((reopen_count > 0)::int::float8) filter (where status in ('resolved','closed')) as reopen_rate,
      avg(handoff_count::float8) as handoffs
    from c group by g order by g nulls last`.execute(db);
  const slaAvailable = await tableHasColumn(db, "case_sla", "state");
  const sla = new Map<string | null, number | null>();
  if (slaAvailable) {
    const result = await sql<{ g: string | null; attainment: number | null }>`${cases}
      select c.g, (count(*) filter (where s.state = 'met'))::float8 / nullif(count(*) filter (where s.state in ('met','breached')), 0) as attainment
      from c join case_sla s on s.workspace_id = c.workspace_id and s.case_id = c.id group by c.g`.execute(db);
    for (const row of result.rows) sla.set(row.g, numberOrNull(row.attainment));
  }
  const cesAvailable = await tableHasColumn(db, "survey_invitations", "case_id");
  const ces = new Map<string | null, { mean: number | null; n: number }>();
  if (cesAvailable) {
    const result = await sql<{ g: string | null; mean: number | null; n: number }>`${cases}
      select c.g, avg(r.ces::float8) as mean, count(r.ces)::int as n
      from c join survey_invitations i on i.workspace_id = c.workspace_id and i.case_id = c.id
             join survey_responses r on r.workspace_id = i.workspace_id and r.invitation_id = i.id
      where r.ces is not null group by c.g`.execute(db);
    for (const row of result.rows) ces.set(row.g, { mean: numberOrNull(row.mean), n: Number(row.n) });
  }
  const rows = base.rows.map((row) => ({
    group: row.g,
    cases: Number(row.cases),
    resolved: Number(row.resolved),
    firstResponseMedianHours: numberOrNull(row.fr50),
    firstResponseP90Hours: numberOrNull(row.fr90),
    resolutionMedianHours: numberOrNull(row.rt50),
    resolutionP90Hours: numberOrNull(row.rt90),
    reopenRate: numberOrNull(row.reopen_rate),
    handoffsPerCase: numberOrNull(row.handoffs),
    slaAttainment: sla.get(row.g) ?? null,
    ces: ces.get(row.g)?.mean ?? null,
    cesResponses: ces.get(row.g)?.n ?? 0,
  }));
  return { rows, slaAvailable, cesAvailable };
}
