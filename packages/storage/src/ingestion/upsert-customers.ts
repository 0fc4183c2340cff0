import { sql, type Kysely, type RawBuilder } from "kysely";
import type { OrganizationUpsert, PersonUpsert } from "@tenure/domain";
import { newId } from "@tenure/shared";
import type { Schema } from "../database/schema.ts";
import { inLockOrder } from "./lock-order.ts";
import { recordset } from "./recordset.ts";

/** Columns an upsert may set; a null in the input leaves the stored value alone. */
const personColumns = ["name", "email", "phone", "country", "time_zone", "locale", "parent_customer_id"] as const;
const organizationColumns = ["name", "email", "phone", "country", "industry", "size_band", "account_type"] as const;

type CustomerRow = { external_id: string } & Record<string, unknown>;

/**
 * CTEs that insert or update people by external id and end in a CTE named
 * `people (id, external_id)` listing every person of the input. `parentIds`
 * maps a groupId to its organisation's id. A person whose external id belongs
 * to an organisation is left alone and missing from `people`.
 */
export function peopleCtes(workspaceId: string, people: readonly PersonUpsert[], parentIds: ReadonlyMap<string, string>): RawBuilder<unknown> {
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
  return customerCtes("people", workspaceId, "person", personColumns, rows);
}

/** Insert or update organisations by external id (groupId) in one statement; returns external id → customer id. */
export async function upsertOrganizations(db: Kysely<Schema>, workspaceId: string, organizations: readonly OrganizationUpsert[]): Promise<Map<string, string>> {
  if (organizations.length === 0) return new Map();
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
  const ctes = customerCtes("organizations", workspaceId, "organization", organizationColumns, rows);
  const result = await sql<{ id: string; external_id: string }>`with ${ctes} select id, external_id from organizations`.execute(db);
  return new Map(result.rows.map((r) => [r.external_id, r.id]));
}

function customerCtes(name: string, workspaceId: string, kind: "person" | "organization", columns: readonly string[], rows: CustomerRow[]): RawBuilder<unknown> {
  inLockOrder(rows);
  const list = columns.join(", ");
  const definitions = ["id text", "external_id text", ...columns.map((c) => `${c} text`), "attributes jsonb", "first_seen_at timestamptz"].join(", ");
  const keep = columns.map((c) => `${c} = coalesce(excluded.${c}, customers.${c})`).join(", ");
  // Only a real change is written (and bumps version / updated_at): a track
  // call for a known user neither rewrites nor locks its row, and does not
  // make a rep's open edit of that customer look stale.
  const changed = [
    ...columns.map((c) => `(x.${c} is not null and x.${c} is distinct from c.${c})`),
    "not (c.attributes @> coalesce(x.attributes, '{}'::jsonb))",
    "x.first_seen_at < c.first_seen_at",
    "c.first_seen_at is null",
  ].join(" or ");
  const n = (suffix: string) => sql.raw(`${name}_${suffix}`);
  return sql`
    ${n("input")} as (select * from ${recordset(rows, definitions)}),
    ${n("known")} as (
      select c.id, c.external_id, (${sql.raw(changed)}) as changed
      from customers c join ${n("input")} x on c.external_id = x.external_id
      -- The id list as an array keeps the lookup on the customers_external
      -- index however the planner guesses the size of the input.
      where c.workspace_id = ${workspaceId} and c.kind = ${kind}
        and c.external_id = any (array(select external_id from ${n("input")}))),
    ${n("written")} as (
      insert into customers (workspace_id, id, external_id, kind, ${sql.raw(list)}, attributes, first_seen_at)
      select ${workspaceId}, x.id, x.external_id, ${kind}, ${sql.raw(columns.map((c) => `x.${c}`).join(", "))}, coalesce(x.attributes, '{}'::jsonb), x.first_seen_at
      from ${n("input")} x
      where not exists (select 1 from ${n("known")} k where k.external_id = x.external_id and not k.changed)
      on conflict (workspace_id, external_id) where external_id is not null do update set
        ${sql.raw(keep)},
        attributes = customers.attributes || excluded.attributes,
        first_seen_at = least(customers.first_seen_at, excluded.first_seen_at),
        updated_at = now(),
        version = customers.version + 1
      where customers.kind = excluded.kind
      returning id, external_id),
    ${sql.raw(name)} as (
      select id, external_id from ${n("written")}
      union all
      select id, external_id from ${n("known")} where not changed)`;
}
