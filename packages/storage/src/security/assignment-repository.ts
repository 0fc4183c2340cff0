import { sql, type Kysely } from "kysely";
import type { CustomerAssignmentRepository } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { supportedCustomerCondition } from "./supported-customers.ts";

/** CustomerAssignmentRepository on customer_assignments. */
export function createAssignmentRepository(db: Kysely<Schema>): CustomerAssignmentRepository {
  return {
    async isSupportedBy(workspaceId, userId, customerId) {
      const result = await sql<{ ok: boolean }>`select ${supportedCustomerCondition(workspaceId, userId, sql`${customerId}`)} as ok`.execute(db);
      return result.rows[0]?.ok === true;
    },
    async assign(workspaceId, userId, customerId) {
      await db
        .insertInto("customer_assignments")
        .values({ workspace_id: workspaceId, user_id: userId, customer_id: customerId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}
