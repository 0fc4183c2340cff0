import { sql, type QueryExecutorProvider } from "kysely";
import { recoveryCohorts, type RecoveryCohort, type RecoveryCohortCounts } from "@tenure/domain";

/**
 * The recovery-paradox groups, counted in one query (docs/cases.md):
 * - recovered: every recovery of the customer started by the cut-off
 *   (as_of − window) had its letter sent by as_of;
 * - unresolved_failure: at least one of them had not;
 * - no_case: the customer had no case opened by as_of.
 * Anchor: the customer's first recovery start (no_case: the cut-off). Only
 * customers with a completed order on or before the anchor count (they were
 * customers to lose). Repurchased: a completed order in (anchor, anchor +
 * window]. Churned: not repurchased, or latest P(alive) below churnPAlive.
 */
export async function recoveryCohortCounts(
  db: QueryExecutorProvider,
  workspaceId: string,
  query: { asOf: Date; windowDays: number; churnPAlive: number },
): Promise<RecoveryCohortCounts[]> {
  const cutoff = new Date(query.asOf.getTime() - query.windowDays * 86_400_000);
  const window = `${query.windowDays} days`;
  const { rows } = await sql<{ cohort: RecoveryCohort; customers: number; repurchased: number; churned: number }>`
    with failures as (
      select customer_id, min(started_at) as anchor, bool_and(sent_at is not null and sent_at <= ${query.asOf}) as recovered
        from case_recoveries
       where workspace_id = ${workspaceId} and started_at <= ${cutoff}
       group by customer_id
    ), grouped as (
      select customer_id, anchor, case when recovered then 'recovered' else 'unresolved_failure' end as cohort from failures
      union all
      select c.id, ${cutoff}::timestamptz, 'no_case'
        from customers c
       where c.workspace_id = ${workspaceId}
         and not exists (select 1 from cases k where k.workspace_id = c.workspace_id and k.customer_id = c.id and k.opened_at <= ${query.asOf})
    )
    select g.cohort,
           count(*)::int as customers,
           count(*) filter (where f.repurchased)::int as repurchased,
           count(*) filter (where not f.repurchased or coalesce(s.p_alive < ${query.churnPAlive}, false))::int as churned
      from grouped g
      cross join lateral (
        select exists (select 1 from orders o where o.workspace_id = ${workspaceId} and o.customer_id = g.customer_id and o.status = 'completed'
                         and o.ordered_at > g.anchor and o.ordered_at <= g.anchor + ${window}::interval) as repurchased,
               exists (select 1 from orders o where o.workspace_id = ${workspaceId} and o.customer_id = g.customer_id and o.status = 'completed'
                         and o.ordered_at <= g.anchor) as was_customer
      ) f
      left join customer_scores s on s.workspace_id = ${workspaceId} and s.customer_id = g.customer_id
     where f.was_customer
     group by g.cohort`.execute(db);
  return recoveryCohorts.map((cohort) => rows.find((r) => r.cohort === cohort) ?? { cohort, customers: 0, repurchased: 0, churned: 0 });
}
