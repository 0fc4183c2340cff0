import { sql, type Kysely } from "kysely";
import { pseudonymiseProperties, pseudonymiseText, type DataSubjectRepository } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { recordset } from "../ingestion/recordset.ts";
import { collectCaseRecords, eraseCaseRecords } from "./data-subject-cases.ts";
import { collectSurveyRecords, eraseSurveyRecords } from "./data-subject-surveys.ts";

/** DataSubjectRepository: every table that names a customer, read or erased in place (the case tables in data-subject-cases.ts, the satisfaction tables in data-subject-surveys.ts). */
export function createDataSubjectRepository(db: Kysely<Schema>): DataSubjectRepository {
  return {
    async collect(workspaceId, customerId) {
      const customer = await db.selectFrom("customers").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", customerId).executeTakeFirst();
      if (!customer) return null;
      // Table names come from this fixed list, never from input.
      const of = async (table: "contacts" | "orders" | "invoices" | "payments" | "contracts" | "events" | "consent_records" | "customer_scores" | "customer_assignments") =>
        (await sql<Record<string, unknown>>`select * from ${sql.table(table)} where workspace_id = ${workspaceId} and customer_id = ${customerId}`.execute(db)).rows;
      const [contacts, orders, invoices, payments, contracts, events, consents, scores, assignments, lines, reads, cases, satisfaction] = await Promise.all([
        of("contacts"),
        of("orders"),
        of("invoices"),
        of("payments"),
        of("contracts"),
        of("events"),
        of("consent_records"),
        of("customer_scores"),
        of("customer_assignments"),
        db
          .selectFrom("order_lines as l")
          .innerJoin("orders as o", (j) => j.onRef("o.workspace_id", "=", "l.workspace_id").onRef("o.id", "=", "l.order_id"))
          .selectAll("l")
          .where("l.workspace_id", "=", workspaceId)
          .where("o.customer_id", "=", customerId)
          .orderBy("l.order_id")
          .orderBy("l.line_no")
          .execute(),
        db
          .selectFrom("audit_log")
          .select(["id", "occurred_at", "actor_id", "role", "action", "fields", "purpose", "request_id"])
          .where("workspace_id", "=", workspaceId)
          .where("customer_id", "=", customerId)
          .where("action", "=", "personal_data.read")
          .orderBy("occurred_at")
          .execute(),
        collectCaseRecords(db, workspaceId, customerId),
        collectSurveyRecords(db, workspaceId, customerId),
      ]);
      return {
        customer: customer as unknown as Record<string, unknown>,
        contacts,
        orders,
        order_lines: lines as unknown as Record<string, unknown>[],
        invoices,
        payments,
        contracts,
        events,
        consents,
        scores,
        assignments,
        audit_of_reads: reads as unknown as Record<string, unknown>[],
        cases,
        satisfaction,
      };
    },

    async erase(workspaceId, customerId, at) {
      const customer = await db.selectFrom("customers").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", customerId).forUpdate().executeTakeFirstOrThrow();
      const contacts = await db.selectFrom("contacts").selectAll().where("workspace_id", "=", workspaceId).where("customer_id", "=", customerId).execute();
      const person = customer.kind === "person";
      // Values to hunt down wherever free text or properties may repeat them.
      const erased = [
        ...(person ? [customer.name, customer.email, customer.phone] : [customer.email, customer.phone]),
        customer.external_id,
        ...contacts.flatMap((c) => [c.name, c.email, c.phone, c.external_id]),
      ].filter((v): v is string => typeof v === "string" && v.trim() !== "");

      await db
        .updateTable("customers")
        .set({
          ...(person ? { name: null } : {}),
          email: null,
          phone: null,
          external_id: null,
          attributes: JSON.stringify(pseudonymiseProperties(customer.attributes, erased)),
          erased_at: at,
          updated_at: at,
          version: sql`version + 1`,
        })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", customerId)
        .execute();
      await db
        .updateTable("contacts")
        .set({ name: null, email: null, phone: null, external_id: null, title: null, attributes: "{}", updated_at: at })
        .where("workspace_id", "=", workspaceId)
        .where("customer_id", "=", customerId)
        .execute();

      const events = await db.selectFrom("events").select(["id", "summary", "properties"]).where("workspace_id", "=", workspaceId).where("customer_id", "=", customerId).execute();
      const changedEvents = events
        .map((e) => ({ id: e.id, summary: pseudonymiseText(e.summary, erased, "(erased)"), properties: pseudonymiseProperties(e.properties, erased), before: e }))
        .filter((e) => e.summary !== e.before.summary || JSON.stringify(e.properties) !== JSON.stringify(e.before.properties))
        .map(({ id, summary, properties }) => ({ id, summary, properties }));
      if (changedEvents.length > 0) {
        await sql`update events e set summary = x.summary, properties = x.properties
          from ${recordset(changedEvents, "id text, summary text, properties jsonb")}
          where e.workspace_id = ${workspaceId} and e.id = x.id`.execute(db);
      }
      const orders = await db.selectFrom("orders").select(["id", "attributes"]).where("workspace_id", "=", workspaceId).where("customer_id", "=", customerId).execute();
      const changedOrders = orders
        .map((o) => ({ id: o.id, attributes: pseudonymiseProperties(o.attributes, erased), before: o.attributes }))
        .filter((o) => JSON.stringify(o.attributes) !== JSON.stringify(o.before))
        .map(({ id, attributes }) => ({ id, attributes }));
      if (changedOrders.length > 0) {
        await sql`update orders o set attributes = x.attributes
          from ${recordset(changedOrders, "id text, attributes jsonb")}
          where o.workspace_id = ${workspaceId} and o.id = x.id`.execute(db);
      }
      const caseOutcome = await eraseCaseRecords(db, workspaceId, customerId, erased, at);
      const surveyOutcome = await eraseSurveyRecords(db, workspaceId, customerId, erased);
      return { eventsPseudonymised: changedEvents.length, contactsErased: contacts.length, ...caseOutcome, ...surveyOutcome };
    },
  };
}
