import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { CustomerScope } from "@tenure/domain";
import { supportedCustomerCondition } from "../security/supported-customers.ts";

/** The row rule of `scope` on the customers aliased `c` (true for the whole workspace). */
export function scopeCondition(workspaceId: string, scope: CustomerScope): RawBuilder<SqlBool> {
  if (scope.kind === "owned") return sql<SqlBool>`c.owner_user_id = ${scope.userId}`;
  if (scope.kind === "supported") return supportedCustomerCondition(workspaceId, scope.userId, sql`c.id`);
  return sql<SqlBool>`true`;
}
