import { sql, type Kysely } from "kysely";
import type { SatisfactionMonth, SatisfactionSegment } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";

const segmentColumns: Record<SatisfactionSegment["field"], string> = {
  owner: "owner_user_id",
  country: "country",
  kind: "kind",
  account_type: "account_type",
  industry: "industry",
  size_band: "size_band",
};

interface MonthRow {
  month: string;
  responses: string;
  promoters: string;
  passives: string;
  detractors: string;
  csat_satisfied: string;
  csat_responses: string;
  ces_sum: string;
  ces_responses: string;
  acsi_n: string;
  s1: string; s2: string; s3: string;
  c11: string; c12: string; c13: string; c22: string; c23: string; c33: string;
  sent: string;
  answered: string;
}

/**
 * Sufficient statistics per UTC month in one statement: one pass over
 * survey_responses_time (covering index) and one over the invitations,
 * joined to customers only when a segment is asked for.
 */
export async function satisfactionByMonth(
  db: Kysely<Schema>,
  workspaceId: string,
  query: { from: Date; to: Date; segment: SatisfactionSegment | null },
): Promise<SatisfactionMonth[]> {
  const { from, to, segment } = query;
  const inSegment = (alias: string) =>
    segment === null
      ? sql`true`
      : sql`exists (select 1 from customers c where c.workspace_id = ${workspaceId} and c.id = ${sql.ref(`${alias}.customer_id`)} and ${sql.ref(`c.${segmentColumns[segment.field]}`)} = ${segment.value})`;
  const complete = sql`r.acsi_overall is not null and r.acsi_expectations is not null and r.acsi_ideal is not null`;
  const result = await sql<MonthRow>`
    with rows as (
      select date_trunc('month', r.responded_at at time zone 'UTC') as m, r.nps, r.csat, r.ces,
        -- null unless all three ACSI items are there, so the sums below count complete answers only
        case when ${complete} then r.acsi_overall end as a1,
        case when ${complete} then r.acsi_expectations end as a2,
        case when ${complete} then r.acsi_ideal end as a3
      from survey_responses r
      where r.workspace_id = ${workspaceId} and r.responded_at >= ${from} and r.responded_at < ${to} and ${inSegment("r")}
    ), answers as (
      select to_char(m, 'YYYY-MM') as month,
        count(*) as responses,
        count(*) filter (where nps >= 9) as promoters,
        count(*) filter (where nps between 7 and 8) as passives,
        count(*) filter (where nps <= 6) as detractors,
        count(*) filter (where csat >= 4) as csat_satisfied,
        count(csat) as csat_responses,
        coalesce(sum(ces), 0) as ces_sum,
        count(ces) as ces_responses,
        count(a1) as acsi_n,
        coalesce(sum(a1), 0) as s1, coalesce(sum(a2), 0) as s2, coalesce(sum(a3), 0) as s3,
        coalesce(sum(a1 * a1), 0) as c11, coalesce(sum(a1 * a2), 0) as c12, coalesce(sum(a1 * a3), 0) as c13,
        coalesce(sum(a2 * a2), 0) as c22, coalesce(sum(a2 * a3), 0) as c23, coalesce(sum(a3 * a3), 0) as c33
      from rows
      group by m
    ), invitations as (
      select to_char(date_trunc('month', i.sent_at at time zone 'UTC'), 'YYYY-MM') as month,
        count(*) as sent, count(i.used_at) as answered
      from survey_invitations i
      where i.workspace_id = ${workspaceId} and i.sent_at >= ${from} and i.sent_at < ${to} and ${inSegment("i")}
      group by 1
    )
    select coalesce(a.month, v.month) as month,
      coalesce(a.responses, 0) as responses, coalesce(a.promoters, 0) as promoters, coalesce(a.passives, 0) as passives,
      coalesce(a.detractors, 0) as detractors, coalesce(a.csat_satisfied, 0) as csat_satisfied, coalesce(a.csat_responses, 0) as csat_responses,
      coalesce(a.ces_sum, 0) as ces_sum, coalesce(a.ces_responses, 0) as ces_responses, coalesce(a.acsi_n, 0) as acsi_n,
      coalesce(a.s1, 0) as s1, coalesce(a.s2, 0) as s2, coalesce(a.s3, 0) as s3,
      coalesce(a.c11, 0) as c11, coalesce(a.c12, 0) as c12, coalesce(a.c13, 0) as c13,
      coalesce(a.c22, 0) as c22, coalesce(a.c23, 0) as c23, coalesce(a.c33, 0) as c33,
      coalesce(v.sent, 0) as sent, coalesce(v.answered, 0) as answered
    from answers a full join invitations v on v.month = a.month
    order by 1`.execute(db);
  return result.rows.map((r) => {
    const n = (x: string | number) => Number(x);
    const [c11, c12, c13, c22, c23, c33] = [n(r.c11), n(r.c12), n(r.c13), n(r.c22), n(r.c23), n(r.c33)];
    return {
      month: r.month,
      responses: n(r.responses),
      promoters: n(r.promoters),
      passives: n(r.passives),
      detractors: n(r.detractors),
      csatSatisfied: n(r.csat_satisfied),
      csatResponses: n(r.csat_responses),
      cesSum: n(r.ces_sum),
      cesResponses: n(r.ces_responses),
      acsiN: n(r.acsi_n),
      acsiSum: [n(r.s1), n(r.s2), n(r.s3)],
      acsiCrossProducts: [
        [c11, c12, c13],
        [c12, c22, c23],
        [c13, c23, c33],
      ],
      invitationsSent: n(r.sent),
      invitationsAnswered: n(r.answered),
    };
  });
}
