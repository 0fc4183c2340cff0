import { sql, type Kysely, type RawBuilder } from "kysely";
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

/** Each statistic over raw answers (a1..a3: the ACSI items of complete answers, else null). */
const answerStatistics = {
  responses: sql`count(*)`,
  promoters: sql`count(*) filter (where nps >= 9)`,
  passives: sql`count(*) filter (where nps between 7 and 8)`,
  detractors: sql`count(*) filter (where nps <= 6)`,
  csat_satisfied: sql`count(*) filter (where csat >= 4)`,
  csat_responses: sql`count(csat)`,
  ces_sum: sql`sum(ces)`,
  ces_responses: sql`count(ces)`,
  acsi_n: sql`count(a1)`,
  s1: sql`sum(a1)`,
  s2: sql`sum(a2)`,
  s3: sql`sum(a3)`,
  c11: sql`sum(a1 * a1)`,
  c12: sql`sum(a1 * a2)`,
  c13: sql`sum(a1 * a3)`,
  c22: sql`sum(a2 * a2)`,
  c23: sql`sum(a2 * a3)`,
  c33: sql`sum(a3 * a3)`,
};
/** … and over raw invitations. */
const invitationStatistics = { sent: sql`count(*)`, answered: sql`count(used_at)` };

type Statistic = keyof typeof answerStatistics | keyof typeof invitationStatistics;
/** The columns of satisfaction_days (migration 0013), in the order every source lists them. */
const statistics = [...Object.keys(answerStatistics), ...Object.keys(invitationStatistics)] as Statistic[];

type MonthRow = { month: string } & Record<Statistic, string>;
type Range = { from: Date; to: Date };

const dayMs = 86_400_000;

/**
 * Sufficient statistics per UTC month. Without a segment, whole UTC days are
 * read from satisfaction_days (a row a day, kept exact by triggers) and only
 * the part days at either end of the period from the answers and invitations;
 * with a segment, every answer and invitation of the period is read (the
 * covering index survey_responses_time), joined to its customer.
 */
export async function satisfactionByMonth(
  db: Kysely<Schema>,
  workspaceId: string,
  query: { from: Date; to: Date; segment: SatisfactionSegment | null },
): Promise<SatisfactionMonth[]> {
  const { from, to, segment } = query;
  const days = segment === null ? wholeDays(from, to) : null;
  const rawRanges = (days === null ? [{ from, to }] : [{ from, to: days.from }, { from: days.to, to }]).filter((r) => r.from < r.to);
  const inSegment = (alias: string) =>
    segment === null
      ? sql`true`
      : sql`exists (select 1 from customers c where c.workspace_id = ${workspaceId} and c.id = ${sql.ref(`${alias}.customer_id`)} and ${sql.ref(`c.${segmentColumns[segment.field]}`)} = ${segment.value})`;
  const complete = sql`r.acsi_overall is not null and r.acsi_expectations is not null and r.acsi_ideal is not null`;
  const answers = ({ from, to }: Range) => sql`
    select ${monthColumns(answerStatistics)}
    from (
      select date_trunc('month', r.responded_at at time zone 'UTC') as m, r.nps, r.csat, r.ces,
        -- null unless all three ACSI items are there, so the sums count complete answers only
        case when ${complete} then r.acsi_overall end as a1,
        case when ${complete} then r.acsi_expectations end as a2,
        case when ${complete} then r.acsi_ideal end as a3
      from survey_responses r
      where r.workspace_id = ${workspaceId} and r.responded_at >= ${from} and r.responded_at < ${to} and ${inSegment("r")}
    ) r
    group by m`;
  const invitations = ({ from, to }: Range) => sql`
    select ${monthColumns(invitationStatistics)}
    from (
      select date_trunc('month', i.sent_at at time zone 'UTC') as m, i.used_at
      from survey_invitations i
      where i.workspace_id = ${workspaceId} and i.sent_at >= ${from} and i.sent_at < ${to} and ${inSegment("i")}
    ) i
    group by m`;
  const sources = [
    ...(days === null
      ? []
      : [
          sql`select to_char(day::timestamp, 'YYYY-MM') as month, ${sql.join(statistics.map((s) => sql.ref(s)))}
            from satisfaction_days
            where workspace_id = ${workspaceId} and day >= ${isoDay(days.from)}::date and day < ${isoDay(days.to)}::date and (responses > 0 or sent > 0)`,
        ]),
    ...rawRanges.flatMap((range) => [answers(range), invitations(range)]),
  ];
  const result = await sql<MonthRow>`
    select month, ${sql.join(statistics.map((s) => sql`coalesce(sum(${sql.ref(s)}), 0) as ${sql.ref(s)}`))}
    from (${sql.join(sources, sql` union all `)}) sources
    group by month
    order by month`.execute(db);
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

/** month, then every statistic: the source's own aggregates, 0 for the others. */
function monthColumns(own: Partial<Record<Statistic, RawBuilder<unknown>>>): RawBuilder<unknown> {
  return sql.join([sql`to_char(m, 'YYYY-MM') as month`, ...statistics.map((s) => sql`${own[s] ?? sql`0`} as ${sql.ref(s)}`)]);
}

/** The whole UTC days within [from, to), or null when there is none. */
function wholeDays(from: Date, to: Date): Range | null {
  const first = new Date(Math.ceil(from.getTime() / dayMs) * dayMs);
  const end = new Date(Math.floor(to.getTime() / dayMs) * dayMs);
  return first < end ? { from: first, to: end } : null;
}

function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}
