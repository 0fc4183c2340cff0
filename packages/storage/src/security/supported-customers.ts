import { sql, type RawBuilder, type SqlBool } from "kysely";

/** How long after its resolution a case still makes its owner the customer's supporter. */
export const supportWindowDays = 90;

/**
 * The one SQL definition of "the customers a support agent looks after",
 * as a condition on a customer id expression: an assignment row, or a case
 * the agent owns that is open or was resolved in the last 90 days. Used by
 * single checks and by scoped searches alike.
 */
export function supportedCustomerCondition(workspaceId: string, userId: string, customerId: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(exists (select 1 from customer_assignments a where a.workspace_id = ${workspaceId} and a.user_id = ${userId} and a.customer_id = ${customerId})
    or exists (select 1 from cases k where k.workspace_id = ${workspaceId} and k.owner_user_id = ${userId} and k.customer_id = ${customerId}
      and ((k.resolved_at is null and k.closed_at is null) or k.resolved_at >= now() - make_interval(days => ${supportWindowDays}))))`;
}
