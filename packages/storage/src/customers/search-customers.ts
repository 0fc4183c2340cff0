import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import { customerSearchOrder, type CustomerPage, type PageCursor, type CustomerSearch } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { toCustomer } from "./customer-row.ts";
import { countCustomers, customerSearchFilters, type KeysetSortField } from "./customer-search-filters.ts";

// Each sort key as the expression of its index (0001/0002 migrations), its
// text form for the cursor, and how a cursor's position is read back.
const sortKeys: Record<KeysetSortField, { key: Expression<unknown>; text: RawBuilder<string>; read: (after: PageCursor, workspaceId: string) => Expression<unknown> }> = {
  name: {
    key: sql`(coalesce(lower(c.name), '') collate "C")`,
    // No name in the cursor (it would carry a name the page masks): the key is read from the cursor's row.
    text: sql<string>`''`,
    read: (after, workspaceId) => sql`(select coalesce(lower(n.name), '') collate "C" from customers n where n.workspace_id = ${workspaceId} and n.id = ${after.id})`,
  },
  created_at: { key: sql`c.created_at`, text: sql<string>`c.created_at::text`, read: (after) => sql`${after.value}::timestamptz` },
  updated_at: { key: sql`c.updated_at`, text: sql<string>`c.updated_at::text`, read: (after) => sql`${after.value}::timestamptz` },
};

/**
 * One page of a customer search in keyset order (sort key, then id), and the
 * total match count; the two queries run side by side. Sorts by a score are
 * searchCustomersByScore's.
 */
export async function searchCustomers(db: Kysely<Schema>, workspaceId: string, search: CustomerSearch & { sort: KeysetSortField }): Promise<CustomerPage> {
  const sort = sortKeys[search.sort];
  const order = customerSearchOrder(search);
  const where = customerSearchFilters(workspaceId, search);
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
    countCustomers(db, where),
  ]);
  const more = rows.length > search.limit;
  const items = more ? rows.slice(0, search.limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map(toCustomer),
    total: count,
    next: more && last ? { order, value: last.sort_key, id: last.id } : null,
  };
}
