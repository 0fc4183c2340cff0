import { sql, type RawBuilder, type SqlBool } from "kysely";

/**
 * The one SQL definition of "the customers a support agent looks after",
 * as a condition on a customer id expression: today an assignment row; when
 * cases exist, also an open or recent case. Used by single checks and by
 * scoped searches alike.
 */
export function supportedCustomerCondition(workspaceId: string, userId: string, customerId: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from customer_assignments a where a.workspace_id = ${workspaceId} and a.user_id = ${userId} and a.customer_id = ${customerId})`;
}
