import { sql, type Kysely } from "kysely";
import type { ValueRankingRepository } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { supportedCustomerCondition } from "../security/supported-customers.ts";

/** The storage implementation of ValueRankingRepository: a top-N over customer_scores joined to the caller's rows. */
export function createValueRankingRepository(db: Kysely<Schema>): ValueRankingRepository {
  return {
    async topByValue(workspaceId, scope, limit) {
      let query = db
        .selectFrom("customer_scores as s")
        .innerJoin("customers as c", (join) => join.onRef("c.workspace_id", "=", "s.workspace_id").onRef("c.id", "=", "s.customer_id"))
        .select(["s.customer_id", "c.kind", sql<string>`s.clv::text`.as("clv"), "s.p_alive", "s.expected_purchases_365", sql<string | null>`s.expected_spend::text`.as("expected_spend"), "s.frequency", "s.recency", "s.age"])
        .where("s.workspace_id", "=", workspaceId)
        .where("s.clv", "is not", null);
      if (scope.kind === "owned") query = query.where("c.owner_user_id", "=", scope.userId);
      if (scope.kind === "supported") query = query.where(supportedCustomerCondition(workspaceId, scope.userId, sql`c.id`));
      const rows = await query.orderBy("s.clv", "desc").orderBy("s.customer_id").limit(limit).execute();
      return rows.map((r) => ({
        customerId: r.customer_id,
        kind: r.kind,
        clv: r.clv,
        pAlive: r.p_alive,
        expectedPurchases365: r.expected_purchases_365,
        expectedSpend: r.expected_spend,
        frequency: r.frequency,
        recency: r.recency,
        age: r.age,
      }));
    },
  };
}
