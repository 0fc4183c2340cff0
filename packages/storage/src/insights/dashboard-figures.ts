import { sql, type Kysely } from "kysely";
import type { CustomerScope, DashboardFigures } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { scopeCondition } from "./scope-condition.ts";

/**
 * The dashboard's headline figures in three aggregate queries over the
 * caller's customers: counts, revenue in the workspace currency, and CLV at
 * risk. Money is summed as numeric and returned as text (never a float).
 */
export async function dashboardFigures(db: Kysely<Schema>, workspaceId: string, scope: CustomerScope, riskThreshold: number, now: Date): Promise<DashboardFigures> {
  const inScope = scopeCondition(workspaceId, scope);
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const [workspace, customers, revenue, risk] = await Promise.all([
    sql<{ currency: string }>`select default_currency as currency from workspaces where id = ${workspaceId}`.execute(db),
    sql<{ n: number | string }>`select count(*) as n from customers c where c.workspace_id = ${workspaceId} and ${inScope}`.execute(db),
    sql<{ total: string; last_year: string }>`
      select coalesce(sum(o.total), 0)::text as total,
             coalesce(sum(o.total) filter (where o.ordered_at >= ${yearAgo}), 0)::text as last_year
      from orders o
      join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
      join workspaces w on w.id = o.workspace_id
      where o.workspace_id = ${workspaceId} and o.status = 'completed' and o.currency = w.default_currency and ${inScope}`.execute(db),
    sql<{ scored: number | string; at_risk: number | string; value: string }>`
      select count(s.clv) as scored,
             count(*) filter (where s.clv is not null and s.p_alive < ${riskThreshold}) as at_risk,
             coalesce(sum(s.clv) filter (where s.p_alive < ${riskThreshold}), 0)::text as value
      from customer_scores s
      join customers c on c.workspace_id = s.workspace_id and c.id = s.customer_id
      where s.workspace_id = ${workspaceId} and ${inScope}`.execute(db),
  ]);
  return {
    customers: Number(customers.rows[0]?.n ?? 0),
    scoredCustomers: Number(risk.rows[0]?.scored ?? 0),
    currency: workspace.rows[0]?.currency ?? "USD",
    revenue: trimDecimal(revenue.rows[0]?.total ?? "0"),
    revenueLastYear: trimDecimal(revenue.rows[0]?.last_year ?? "0"),
    valueAtRisk: trimDecimal(risk.rows[0]?.value ?? "0"),
    atRiskCustomers: Number(risk.rows[0]?.at_risk ?? 0),
    riskThreshold,
  };
}

/** "1200.5000" → "1200.50": numeric(18,4) sums shown to the cent. */
export function trimDecimal(text: string): string {
  const [whole, fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(2, "0").slice(0, 2)}`;
}
