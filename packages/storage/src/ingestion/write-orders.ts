import { sql, type Kysely } from "kysely";
import type { OrderDraft, ProductUpsert } from "@tenure/domain";
import { newId } from "@tenure/shared";
import type { Schema } from "../database/schema.ts";
import { recordset } from "./recordset.ts";

/**
 * Create the products order lines name (existing ones are left as they are)
 * in one statement; returns external id → product id for all of them.
 */
export async function ensureProducts(db: Kysely<Schema>, workspaceId: string, products: readonly ProductUpsert[]): Promise<Map<string, string>> {
  if (products.length === 0) return new Map();
  const rows = products.map((p) => ({ id: newId("product"), external_id: p.externalId, name: p.name, category: p.category, price: p.price, currency: p.currency }));
  // A data-modifying CTE does not see its own inserts, so the union returns
  // each product exactly once: new ones from `created`, old ones from the table.
  const result = await sql<{ id: string; external_id: string }>`
    with input as (select * from ${recordset(rows, "id text, external_id text, name text, category text, price numeric, currency text")}),
    created as (
      insert into products (workspace_id, id, external_id, name, category, price, currency)
      select ${workspaceId}, i.id, i.external_id, i.name, i.category, i.price, coalesce(i.currency, w.default_currency)
      from input i cross join workspaces w where w.id = ${workspaceId}
      on conflict (workspace_id, external_id) do nothing
      returning id, external_id)
    select id, external_id from created
    union all
    select p.id, p.external_id from products p join input i on p.workspace_id = ${workspaceId} and p.external_id = i.external_id
    where not exists (select 1 from created c where c.external_id = i.external_id)`.execute(db);
  return new Map(result.rows.map((r) => [r.external_id, r.id]));
}

/**
 * Insert orders and their lines in one statement; an order whose external id
 * is already stored is skipped with its lines. Full refunds (total null) copy
 * the original order's lines, negated; one whose original is unknown creates
 * no order (its event stays on the timeline). Returns the orders created.
 */
export async function insertOrders(
  db: Kysely<Schema>,
  workspaceId: string,
  orders: readonly OrderDraft[],
  customerIds: ReadonlyMap<string, string>,
  productIds: ReadonlyMap<string, string>,
): Promise<number> {
  const rows = orders.map((o) => ({
    id: newId("order"),
    external_id: o.externalId,
    customer_id: o.userExternalId === null ? null : (customerIds.get(o.userExternalId) ?? null),
    ordered_at: o.orderedAt.toISOString(),
    currency: o.currency,
    status: o.status,
    total: o.total,
    line_count: o.lines.length,
    refund_of: o.refundOf,
    attributes: o.attributes,
  }));
  const exact = rows.filter((r) => r.total !== null);
  const full = rows.filter((r) => r.total === null);
  let created = 0;
  if (exact.length > 0) {
    const lines = orders.flatMap((o, k) =>
      o.total === null
        ? []
        : o.lines.map((l) => ({
            order_id: rows[k]?.id,
            line_no: l.lineNo,
            product_id: l.productExternalId === null ? null : (productIds.get(l.productExternalId) ?? null),
            sku: l.sku,
            description: l.description,
            quantity: l.quantity,
            unit_price: l.unitPrice,
            amount: l.amount,
          })),
    );
    const result = await sql<{ orders: number }>`
      with created as (
        insert into orders (workspace_id, id, external_id, customer_id, ordered_at, currency, status, total, line_count, source, attributes)
        select ${workspaceId}, x.id, x.external_id, x.customer_id, x.ordered_at, coalesce(x.currency, w.default_currency), x.status, x.total, x.line_count, 'segment', coalesce(x.attributes, '{}'::jsonb)
        from ${recordset(exact, "id text, external_id text, customer_id text, ordered_at timestamptz, currency text, status text, total numeric, line_count integer, attributes jsonb")}
        cross join workspaces w where w.id = ${workspaceId}
        on conflict (workspace_id, external_id) do nothing
        returning id),
      lines as (
        insert into order_lines (workspace_id, order_id, line_no, product_id, sku, description, quantity, unit_price, amount)
        select ${workspaceId}, x.order_id, x.line_no, x.product_id, x.sku, x.description, x.quantity, x.unit_price, x.amount
        from ${recordset(lines, "order_id text, line_no integer, product_id text, sku text, description text, quantity numeric, unit_price numeric, amount numeric")}
        join created c on c.id = x.order_id
        returning 1)
      select (select count(*) from created) as orders, (select count(*) from lines) as lines`.execute(db);
    created += Number(result.rows[0]?.orders ?? 0);
  }
  if (full.length > 0) created += await insertFullRefunds(db, workspaceId, full);
  return created;
}

async function insertFullRefunds(db: Kysely<Schema>, workspaceId: string, refunds: readonly object[]): Promise<number> {
  const result = await sql<{ orders: number }>`
    with input as (select * from ${recordset(refunds, "id text, external_id text, customer_id text, ordered_at timestamptz, currency text, refund_of text, attributes jsonb")}),
    created as (
      insert into orders (workspace_id, id, external_id, customer_id, ordered_at, currency, status, total, line_count, source, attributes)
      select ${workspaceId}, i.id, i.external_id, coalesce(i.customer_id, o.customer_id), i.ordered_at, o.currency, 'returned', -o.total, o.line_count, 'segment', coalesce(i.attributes, '{}'::jsonb)
      from input i join orders o on o.workspace_id = ${workspaceId} and o.external_id = i.refund_of
      on conflict (workspace_id, external_id) do nothing
      returning id, external_id),
    lines as (
      insert into order_lines (workspace_id, order_id, line_no, product_id, sku, description, quantity, unit_price, amount, discount)
      select ${workspaceId}, c.id, l.line_no, l.product_id, l.sku, l.description, -l.quantity, l.unit_price, -l.amount, -l.discount
      from created c
      join input i on i.external_id = c.external_id
      join orders o on o.workspace_id = ${workspaceId} and o.external_id = i.refund_of
      join order_lines l on l.workspace_id = ${workspaceId} and l.order_id = o.id
      returning 1)
    select (select count(*) from created) as orders, (select count(*) from lines) as lines`.execute(db);
  return Number(result.rows[0]?.orders ?? 0);
}
