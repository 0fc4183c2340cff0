import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import { customerSearchOrder, type CustomerPage, type PageCursor, type CustomerSearch, type CustomerSortField } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { toCustomer } from "./customer-row.ts";
import { supportedCustomerCondition } from "../security/supported-customers.ts";

// Each sort key as the expression of its index (0001/0002 migrations), its
// text form for the cursor, and how a cursor's position is read back.
const sortKeys: Record<CustomerSortField, { key: Expression<unknown>; text: RawBuilder<string>; read: (after: PageCursor, workspaceId: string) => Expression<unknown> }> = {
  name: {
    key: sql`(coalesce(lower(c.name), '') collate "C")`,
    // No name in the cursor (it would carry a name the page masks): the key is read from the cursor's row.
    text: sql<string>`''`,
    read: (after, workspaceId) => sql`(select coalesce(lower(n.name), '') collate "C" from customers n where n.workspace_id = ${workspaceId} and n.id = ${after.id})`,
  },
  created_at: { key: sql`c.created_at`, text: sql<string>`c.created_at::text`, read: (after) => sql`${after.value}::timestamptz` },
  updated_at: { key: sql`c.updated_at`, text: sql<string>`c.updated_at::text`, read: (after) => sql`${after.value}::timestamptz` },
};

/** The conditions of a search, without the page position. */
function filters(workspaceId: string, search: CustomerSearch): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [sql<SqlBool>`c.workspace_id = ${workspaceId}`];
  if (search.q !== null) {
    const q = search.q.toLowerCase();
    const prefix = q.replace(/[\\%_]/g, (ch) => `\\${ch}`) + "%";
    where.push(sql<SqlBool>`(lower(c.name) like ${prefix} or lower(c.email) = ${q} or lower(c.external_id) = ${q})`);
  }
  const scope = search.scope;
  if (scope?.kind === "owned") where.push(sql<SqlBool>`c.owner_user_id = ${scope.userId}`);
  if (scope?.kind === "supported") where.push(supportedCustomerCondition(workspaceId, scope.userId, sql`c.id`));
  if (search.kind !== null) where.push(sql<SqlBool>`c.kind = ${search.kind}`);
  if (search.ownerUserId !== null) where.push(sql<SqlBool>`c.owner_user_id = ${search.ownerUserId}`);
  if (search.country !== null) where.push(sql<SqlBool>`c.country = ${search.country}`);
  for (const [key, value] of Object.entries(search.attributes)) {
    // "42" or "true" in a query string may be stored as a number or boolean.
    const typed = /^(?:-?\d+(?:\.\d+)?|true|false)$/.test(value) ? JSON.parse(value) as unknown : value;
    const asText = JSON.stringify({ [key]: value });
    const asTyped = JSON.stringify({ [key]: typed });
    where.push(
      asText === asTyped
        ? sql<SqlBool>`c.attributes @> ${asText}::jsonb`
        : sql<SqlBool>`(c.attributes @> ${asText}::jsonb or c.attributes @> ${asTyped}::jsonb)`,
    );
  }
  return where;
}

/**
 * One page of a customer search in keyset order (sort key, then id), and the
 * total match count; the two queries run side by side.
 */
export async function searchCustomers(db: Kysely<Schema>, workspaceId: string, search: CustomerSearch): Promise<CustomerPage> {
  const sort = sortKeys[search.sort];
  const order = customerSearchOrder(search);
  const where = filters(workspaceId, search);
  const after = search.after;
  const page = where.slice();
  if (after) {
    page.push(
      search.direction === "asc"
        ? sql<SqlBool>`(${sort.key}, c.id) > (${sort.read(after, workspaceId)}, ${after.id})`
        : sql<SqlBool>`(${sort.key}, c.id) < (${sort.read(after, workspaceId)}, ${after.id})`,
    );
  }
  const direction = search.direction === "asc" ? sql`asc` : sql`desc`;
  const [rows, count] = await Promise.all([
    db
      .selectFrom("customers as c")
      .selectAll("c")
      .select(sort.text.as("sort_key"))
      .where((eb) => eb.and(page))
      .orderBy(sql`${sort.key} ${direction}`)
      .orderBy(sql`c.id ${direction}`)
      .limit(search.limit + 1)
      .execute(),
    db
      .selectFrom("customers as c")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where((eb) => eb.and(where))
      .executeTakeFirstOrThrow(),
  ]);
  const more = rows.length > search.limit;
  const items = more ? rows.slice(0, search.limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map(toCustomer),
    total: count.n,
    next: more && last ? { order, value: last.sort_key, id: last.id } : null,
  };
}
