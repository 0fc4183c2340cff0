import { sql, type Kysely } from "kysely";
import type { OrganizationUpsert, PersonUpsert } from "@tenure/domain";
import { newId } from "@tenure/shared";
import type { Schema } from "../database/schema.ts";
import { recordset } from "./recordset.ts";

/** Columns an upsert may set; a null in the input leaves the stored value alone. */
const personColumns = ["name", "email", "phone", "country", "time_zone", "locale", "parent_customer_id"] as const;
const organizationColumns = ["name", "email", "phone", "country", "industry", "size_band", "account_type"] as const;

type CustomerRow = { external_id: string } & Record<string, unknown>;

/**
 * Insert or update people by external id in one statement; returns external
 * id → customer id. `parentIds` maps a groupId to the organisation's id.
 * A person whose external id belongs to an organisation is not touched and
 * is missing from the result.
 */
export function upsertPeople(db: Kysely<Schema>, workspaceId: string, people: readonly PersonUpsert[], parentIds: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const rows = people.map((p) => ({
    id: newId("customer"),
    external_id: p.externalId,
    name: p.fields.name,
    email: p.fields.email,
    phone: p.fields.phone,
    country: p.fields.country,
    time_zone: p.fields.timeZone,
    locale: p.fields.locale,
    parent_customer_id: p.parentExternalId === null ? null : (parentIds.get(p.parentExternalId) ?? null),
    attributes: p.fields.attributes,
    first_seen_at: p.firstSeenAt.toISOString(),
  }));
  return upsertCustomers(db, workspaceId, "person", personColumns, rows);
}

/** Insert or update organisations by external id (groupId) in one statement; returns external id → customer id. */
export function upsertOrganizations(db: Kysely<Schema>, workspaceId: string, organizations: readonly OrganizationUpsert[]): Promise<Map<string, string>> {
  const rows = organizations.map((o) => ({
    id: newId("customer"),
    external_id: o.externalId,
    name: o.fields.name,
    email: o.fields.email,
    phone: o.fields.phone,
    country: o.fields.country,
    industry: o.fields.industry,
    size_band: o.fields.sizeBand,
    account_type: o.fields.accountType,
    attributes: o.fields.attributes,
    first_seen_at: o.firstSeenAt.toISOString(),
  }));
  return upsertCustomers(db, workspaceId, "organization", organizationColumns, rows);
}

async function upsertCustomers(
  db: Kysely<Schema>,
  workspaceId: string,
  kind: "person" | "organization",
  columns: readonly string[],
  rows: CustomerRow[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  // Same lock order in every transaction, so concurrent batches touching the
  // same customers wait for each other instead of deadlocking.
  rows.sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));
  const list = columns.join(", ");
  const definitions = ["id text", "external_id text", ...columns.map((c) => `${c} text`), "attributes jsonb", "first_seen_at timestamptz"].join(", ");
  const keep = columns.map((c) => `${c} = coalesce(excluded.${c}, customers.${c})`).join(", ");
  // Bump version / updated_at only on a real change: a track call for a known
  // user must not make a rep's open edit of that customer look stale.
  const changed = [
    ...columns.map((c) => `(excluded.${c} is not null and excluded.${c} is distinct from customers.${c})`),
    "not (customers.attributes @> excluded.attributes)",
  ].join(" or ");
  const result = await sql<{ id: string; external_id: string }>`
    insert into customers (workspace_id, id, external_id, kind, ${sql.raw(list)}, attributes, first_seen_at)
    select ${workspaceId}, x.id, x.external_id, ${kind}, ${sql.raw(columns.map((c) => `x.${c}`).join(", "))}, coalesce(x.attributes, '{}'::jsonb), x.first_seen_at
    from ${recordset(rows, definitions)}
    on conflict (workspace_id, external_id) where external_id is not null do update set
      ${sql.raw(keep)},
      attributes = customers.attributes || excluded.attributes,
      first_seen_at = least(customers.first_seen_at, excluded.first_seen_at),
      updated_at = case when ${sql.raw(changed)} then now() else customers.updated_at end,
      version = customers.version + case when ${sql.raw(changed)} then 1 else 0 end
    where customers.kind = excluded.kind
    returning id, external_id`.execute(db);
  return new Map(result.rows.map((r) => [r.external_id, r.id]));
}
