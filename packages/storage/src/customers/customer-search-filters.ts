import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { CustomerSearch, CustomerSortField } from "@tenure/domain";
import type { Purpose } from "@tenure/shared";
import type { Schema } from "../database/schema.ts";
import { supportedCustomerCondition } from "../security/supported-customers.ts";

/** The sorts by a score of customer_scores (searchCustomersByScore); the others are keyset sorts on customers (searchCustomers). */
export type ScoreSortField = Extract<CustomerSortField, "clv" | "p_alive">;
export type KeysetSortField = Exclude<CustomerSortField, ScoreSortField>;

export function isScoreSort(field: CustomerSortField): field is ScoreSortField {
  return field === "clv" || field === "p_alive";
}

/** The conditions of a search, without the page position. */
export function customerSearchFilters(workspaceId: string, search: CustomerSearch): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [sql<SqlBool>`c.workspace_id = ${workspaceId}`];
  if (search.q !== null) {
    const q = search.q.toLowerCase();
    const prefix = q.replace(/[\\%_]/g, (ch) => `\\${ch}`) + "%";
    const personal = sql<SqlBool>`(lower(c.name) like ${prefix} or lower(c.email) = ${q})`;
    const consent = search.nameMatchConsent;
    where.push(
      consent === undefined
        ? sql<SqlBool>`(${personal} or lower(c.external_id) = ${q})`
        : sql<SqlBool>`(lower(c.external_id) = ${q} or (${personal} and not ${withdrawn(sql`c`, consent)}))`,
    );
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

/** Whether customer `c` has withdrawn consent for `purpose` (its latest record for it says so), or for any purpose. */
function withdrawn(c: RawBuilder<unknown>, purpose: Purpose | "any"): RawBuilder<SqlBool> {
  const latest = purpose === "any"
    ? sql`select distinct on (r.purpose) r.status from consent_records r where r.workspace_id = ${c}.workspace_id and r.customer_id = ${c}.id order by r.purpose, r.recorded_at desc, r.id desc`
    : sql`select r.status from consent_records r where r.workspace_id = ${c}.workspace_id and r.customer_id = ${c}.id and r.purpose = ${purpose} order by r.recorded_at desc, r.id desc limit 1`;
  return sql<SqlBool>`exists (select 1 from (${latest}) l where l.status = 'withdrawn')`;
}

/** How many customers (alias `c`) meet `where`. */
export async function countCustomers(db: Kysely<Schema>, where: Expression<SqlBool>[]): Promise<number> {
  const row = await db
    .selectFrom("customers as c")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where((eb) => eb.and(where))
    .executeTakeFirstOrThrow();
  return row.n;
}
