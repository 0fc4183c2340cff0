import { sql, type Kysely } from "kysely";
import type { CustomerRepository } from "@tenure/domain";
import { AppError } from "@tenure/shared";
import type { Database } from "../database/create-database.ts";
import type { Schema } from "../database/schema.ts";
import { preparedQueries } from "../database/prepared-query.ts";
import { isUniqueViolation } from "../database/unique-violation.ts";
import { toCustomer, toCustomerColumns } from "./customer-row.ts";
import { findCustomerProfile } from "./find-customer-profile.ts";
import { listTimeline } from "./list-timeline.ts";
import { isScoreSort } from "./customer-search-filters.ts";
import { searchCustomers } from "./search-customers.ts";
import { searchCustomersByScore } from "./search-customers-by-score.ts";

/** CustomerRepository on customers, contacts, orders, events and customer_scores. */
export function createCustomerRepository(database: Database, db: Kysely<Schema>): CustomerRepository {
  // The customer page's read is a prepared statement on the pool outside transactions.
  const prepared = preparedQueries(database, db);
  return {
    search: (workspaceId, search) => {
      const sort = search.sort;
      return isScoreSort(sort) ? searchCustomersByScore(db, workspaceId, { ...search, sort }) : searchCustomers(db, workspaceId, { ...search, sort });
    },

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

    findProfile: (workspaceId, id, options) => findCustomerProfile(prepared, workspaceId, id, options.recentEvents),

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
