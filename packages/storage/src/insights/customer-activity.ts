import { sql, type Kysely } from "kysely";
import type { CustomerActivity } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { trimDecimal } from "./dashboard-figures.ts";

// At most this many purchase times are returned for the charts (older ones are dropped).
const maxPurchaseTimes = 5000;

/** One customer's latest orders and payments, all contracts, and completed purchase times. */
export async function customerActivity(db: Kysely<Schema>, workspaceId: string, customerId: string, limit: number): Promise<CustomerActivity> {
  const [orders, times, payments, contracts] = await Promise.all([
    sql<{ id: string; external_id: string; ordered_at: Date | string; status: string; currency: string; total: string; line_count: number }>`
      select id, external_id, ordered_at, status, currency, total::text as total, line_count
      from orders where workspace_id = ${workspaceId} and customer_id = ${customerId}
      order by ordered_at desc, id desc limit ${limit}`.execute(db),
    sql<{ ordered_at: Date | string }>`
      select ordered_at from (
        select ordered_at from orders
        where workspace_id = ${workspaceId} and customer_id = ${customerId} and status = 'completed'
        order by ordered_at desc limit ${maxPurchaseTimes}
      ) latest order by ordered_at`.execute(db),
    sql<{ id: string; paid_at: Date | string; amount: string; currency: string; method: string | null; invoice_id: string | null }>`
      select id, paid_at, amount::text as amount, currency, method, invoice_id
      from payments where workspace_id = ${workspaceId} and customer_id = ${customerId}
      order by paid_at desc, id desc limit ${limit}`.execute(db),
    sql<{ id: string; name: string; status: string; starts_on: string | Date; ends_on: string | Date | null; renewal_on: string | Date | null; auto_renew: boolean; annual_value: string; currency: string }>`
      select id, name, status, starts_on, ends_on, renewal_on, auto_renew, annual_value::text as annual_value, currency
      from contracts where workspace_id = ${workspaceId} and customer_id = ${customerId}
      order by starts_on desc, id`.execute(db),
  ]);
  return {
    orders: orders.rows.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      orderedAt: new Date(r.ordered_at),
      status: r.status,
      currency: r.currency,
      total: trimDecimal(r.total),
      lineCount: r.line_count,
    })),
    purchaseTimes: times.rows.map((r) => new Date(r.ordered_at)),
    payments: payments.rows.map((r) => ({ id: r.id, paidAt: new Date(r.paid_at), amount: trimDecimal(r.amount), currency: r.currency, method: r.method, invoiceId: r.invoice_id })),
    contracts: contracts.rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      startsOn: dateText(r.starts_on),
      endsOn: r.ends_on === null ? null : dateText(r.ends_on),
      renewalOn: r.renewal_on === null ? null : dateText(r.renewal_on),
      autoRenew: r.auto_renew,
      annualValue: trimDecimal(r.annual_value),
      currency: r.currency,
    })),
  };
}

function dateText(value: string | Date): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
