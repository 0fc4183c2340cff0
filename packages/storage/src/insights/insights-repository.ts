import { sql, type Kysely } from "kysely";
import type { InsightsRepository } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { customerActivity } from "./customer-activity.ts";
import { dashboardFigures, trimDecimal } from "./dashboard-figures.ts";
import { scopeCondition } from "./scope-condition.ts";

/** The storage implementation of InsightsRepository (read models of the web app). */
export function createInsightsRepository(db: Kysely<Schema>): InsightsRepository {
  return {
    dashboard: (workspaceId, scope, riskThreshold, now) => dashboardFigures(db, workspaceId, scope, riskThreshold, now),
    activity: (workspaceId, customerId, limit) => customerActivity(db, workspaceId, customerId, limit),
    async listMetrics(workspaceId, scope, customerIds) {
      const currency = await sql<{ currency: string }>`select default_currency as currency from workspaces where id = ${workspaceId}`.execute(db);
      const currencyOf = currency.rows[0]?.currency ?? "USD";
      if (customerIds.length === 0) return { currency: currencyOf, items: [] };
      const rows = await sql<{ id: string; owner_name: string | null; clv: string | null; p_alive: number | null; nps: number | null; open_cases: number | string }>`
        select c.id, u.name as owner_name, s.clv::text as clv, s.p_alive, cs.nps,
               (select count(*) from cases k where k.workspace_id = c.workspace_id and k.customer_id = c.id and k.is_open) as open_cases
        from customers c
        left join users u on u.workspace_id = c.workspace_id and u.id = c.owner_user_id
        left join customer_scores s on s.workspace_id = c.workspace_id and s.customer_id = c.id
        left join customer_satisfaction cs on cs.workspace_id = c.workspace_id and cs.customer_id = c.id
        where c.workspace_id = ${workspaceId} and c.id in (${sql.join(customerIds)}) and ${scopeCondition(workspaceId, scope)}`.execute(db);
      const items = rows.rows.map((r) => ({
        customerId: r.id,
        ownerName: r.owner_name,
        clv: r.clv === null ? null : trimDecimal(r.clv),
        pAlive: r.p_alive,
        nps: r.nps,
        openCases: Number(r.open_cases),
      }));
      return { currency: currencyOf, items };
    },
  };
}
