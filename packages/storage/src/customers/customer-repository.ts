import { sql, type Kysely } from "kysely";
import type { CustomerRepository } from "@tenure/domain";
import { AppError, sumMoney } from "@tenure/shared";
import type { Schema } from "../database/schema.ts";
import { isUniqueViolation } from "../database/unique-violation.ts";
import { toCustomer, toCustomerColumns } from "./customer-row.ts";
import { listTimeline } from "./list-timeline.ts";
import { searchCustomers } from "./search-customers.ts";

/** CustomerRepository on customers, contacts, orders, events and customer_scores. */
export function createCustomerRepository(db: Kysely<Schema>): CustomerRepository {
  return {
    search: (workspaceId, search) => searchCustomers(db, workspaceId, search),

    async findById(workspaceId, id, options = {}) {
      let select = db.selectFrom("customers").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id);
      if (options.forUpdate) select = select.forUpdate();
      const row = await select.executeTakeFirst();
      return row ? toCustomer(row) : null;
    },

    async insert(customer) {
      const row = await db
        .insertInto("customers")
        .values({ ...toCustomerColumns(customer), id: customer.id, workspace_id: customer.workspaceId, kind: customer.kind })
        .onConflict((oc) => oc.columns(["workspace_id", "external_id"]).where("external_id", "is not", null).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return { created: toCustomer(row) };
      const existing = await db
        .selectFrom("customers")
        .select("id")
        .where("workspace_id", "=", customer.workspaceId)
        .where("external_id", "=", customer.externalId)
        .executeTakeFirstOrThrow();
      return { existingId: existing.id };
    },

    async update(workspaceId, id, changes) {
      try {
        const row = await db
          .updateTable("customers")
          .set({ ...toCustomerColumns(changes), version: sql`version + 1`, updated_at: sql`now()` })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toCustomer(row);
      } catch (error) {
        if (isUniqueViolation(error, "customers_external")) {
          throw new AppError("customer_exists", "conflict", `Another customer already has external_id "${changes.externalId}"`, {
            field: "external_id",
          });
        }
        throw error;
      }
    },

    async listContacts(workspaceId, customerId) {
      const rows = await db
        .selectFrom("contacts")
        .select(["id", "customer_id", "external_id", "name", "email", "phone", "title", "role", "locale", "is_primary"])
        .where("workspace_id", "=", workspaceId)
        .where("customer_id", "=", customerId)
        .orderBy("is_primary", "desc")
        .orderBy("name")
        .orderBy("id")
        .limit(200)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        customerId: r.customer_id,
        externalId: r.external_id,
        name: r.name,
        email: r.email,
        phone: r.phone,
        title: r.title,
        role: r.role,
        locale: r.locale,
        isPrimary: r.is_primary,
      }));
    },

    async orderSummary(workspaceId, customerId) {
      const row = await db
        .selectFrom("orders")
        .select([
          sql<number>`count(*) filter (where status = 'completed')`.as("order_count"),
          sql<Date | null>`min(ordered_at) filter (where status = 'completed')`.as("first_order_at"),
          sql<Date | null>`max(ordered_at) filter (where status = 'completed')`.as("last_order_at"),
          // Cancellations and returns subtract whatever sign their total was stored with.
          sql<string>`coalesce(sum(case when status = 'completed' then total when status in ('cancelled', 'returned') then -abs(total) end), 0)`.as("revenue"),
        ])
        .where("workspace_id", "=", workspaceId)
        .where("customer_id", "=", customerId)
        .executeTakeFirstOrThrow();
      return {
        orderCount: Number(row.order_count),
        firstOrderAt: row.first_order_at,
        lastOrderAt: row.last_order_at,
        revenue: sumMoney([String(row.revenue)]),
      };
    },

    async findScores(workspaceId, customerId) {
      const r = await db
        .selectFrom("customer_scores")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("customer_id", "=", customerId)
        .executeTakeFirst();
      if (!r) return null;
      return {
        fitId: r.fit_id,
        frequency: r.frequency,
        recency: r.recency,
        age: r.age,
        monetary: r.monetary,
        pAlive: r.p_alive,
        expectedPurchases90: r.expected_purchases_90,
        expectedPurchases365: r.expected_purchases_365,
        expectedSpend: r.expected_spend,
        clv: r.clv,
        computedAt: r.computed_at,
      };
    },

    listTimeline: (workspaceId, customerId, query) => listTimeline(db, workspaceId, customerId, query),

    async addEvent(event) {
      await db
        .insertInto("events")
        .values({
          workspace_id: event.workspaceId,
          id: event.id,
          customer_id: event.customerId,
          type: event.type,
          occurred_at: event.occurredAt,
          source: event.source,
          summary: event.summary,
          properties: JSON.stringify(event.properties),
        })
        .execute();
    },
  };
}
