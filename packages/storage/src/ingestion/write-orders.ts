import { sql, type Kysely, type RawBuilder } from "kysely";
import type { OrderDraft, ProductUpsert } from "@tenure/domain";
import { newId } from "@tenure/shared";
import type { Schema } from "../database/schema.ts";
import { inLockOrder } from "./lock-order.ts";
import { recordset } from "./recordset.ts";

/**
 * CTEs that create the products order lines name (existing ones are left as
 * they are), ending in `products_all (id, external_id)` for all of them.
 */
export function productCtes(workspaceId: string, products: readonly ProductUpsert[]): RawBuilder<unknown> {
  const rows = inLockOrder(products.map((p) => ({ id: newId("product"), external_id: p.externalId, name: p.name, category: p.category, price: p.price, currency: p.currency })));
  // A data-modifying CTE does not see its own inserts, so the union returns
  // each product once: new ones from `products_new`, old ones from the table.
  // DO UPDATE (not NOTHING) so that a product another batch is creating at
  // this moment is waited for and returned too.
  return sql`
    products_input as (select * from ${recordset(rows, "id text, external_id text, name text, category text, price numeric, currency text")}),
    products_old as (
      select p.id, p.external_id from products p join products_input i on p.workspace_id = ${workspaceId} and p.external_id = i.external_id),
    products_new as (
      insert into products (workspace_id, id, external_id, name, category, price, currency)
      select ${workspaceId}, i.id, i.external_id, i.name, i.category, i.price, coalesce(i.currency, w.default_currency)
      from products_input i cross join workspaces w
      where w.id = ${workspaceId} and not exists (select 1 from products_old o where o.external_id = i.external_id)
      on conflict (workspace_id, external_id) do update set updated_at = products.updated_at
      returning id, external_id),
    products_all as (select id, external_id from products_new union all select id, external_id from products_old)`;
}

/**
 * CTEs that insert orders with exact totals and their lines, using the
 * `people` and `products_all` CTEs for ids; an order whose external id is
 * already stored is skipped with its lines. Ends in `orders_new (id)`.
 */
export function orderCtes(workspaceId: string, orders: readonly OrderDraft[]): RawBuilder<unknown> {
  const exact = orders.filter((o) => o.total !== null).map((o) => ({ draft: o, id: newId("order") }));
  const rows = exact.map(({ draft: o, id }) => ({
    id,
    external_id: o.externalId,
    user_external_id: o.userExternalId,
    ordered_at: o.orderedAt.toISOString(),
    currency: o.currency,
    status: o.status,
    total: o.total,
    line_count: o.lines.length,
    attributes: o.attributes,
  }));
  const lines = exact.flatMap(({ draft, id }) =>
    draft.lines.map((l) => ({
      order_id: id,
      line_no: l.lineNo,
      product_external_id: l.productExternalId,
      sku: l.sku,
      description: l.description,
      quantity: l.quantity,
      unit_price: l.unitPrice,
      amount: l.amount,
    })),
  );
  return sql`
    orders_new as (
      insert into orders (workspace_id, id, external_id, customer_id, ordered_at, currency, status, total, line_count, source, attributes)
      select ${workspaceId}, x.id, x.external_id, p.id, x.ordered_at, coalesce(x.currency, w.default_currency), x.status, x.total, x.line_count, 'segment', coalesce(x.attributes, '{}'::jsonb)
      from ${recordset(rows, "id text, external_id text, user_external_id text, ordered_at timestamptz, currency text, status text, total numeric, line_count integer, attributes jsonb")}
      cross join workspaces w
      left join people p on p.external_id = x.user_external_id
      where w.id = ${workspaceId}
      on conflict (workspace_id, external_id) do nothing
      returning id),
    order_lines_new as (
      insert into order_lines (workspace_id, order_id, line_no, product_id, sku, description, quantity, unit_price, amount)
      select ${workspaceId}, x.order_id, x.line_no, pr.id, x.sku, x.description, x.quantity, x.unit_price, x.amount
      from ${recordset(lines, "order_id text, line_no integer, product_external_id text, sku text, description text, quantity numeric, unit_price numeric, amount numeric")}
      join orders_new o on o.id = x.order_id
      left join products_all pr on pr.external_id = x.product_external_id
      returning 1)`;
}

/**
 * Full refunds (an Order Refunded naming only the order id): a returned
 * order copying the original's lines, negated. One whose original is unknown
 * creates no order (its event stays on the timeline). Returns orders created.
 */
export async function insertFullRefunds(db: Kysely<Schema>, workspaceId: string, refunds: readonly OrderDraft[], customerIds: ReadonlyMap<string, string>): Promise<number> {
  if (refunds.length === 0) return 0;
  const rows = refunds.map((o) => ({
    id: newId("order"),
    external_id: o.externalId,
    customer_id: o.userExternalId === null ? null : (customerIds.get(o.userExternalId) ?? null),
    ordered_at: o.orderedAt.toISOString(),
    refund_of: o.refundOf,
    attributes: o.attributes,
  }));
  const result = await sql<{ orders: number }>`
    with input as (select * from ${recordset(rows, "id text, external_id text, customer_id text, ordered_at timestamptz, refund_of text, attributes jsonb")}),
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
    select (select count(*) from created) as orders`.execute(db);
  return Number(result.rows[0]?.orders ?? 0);
}
