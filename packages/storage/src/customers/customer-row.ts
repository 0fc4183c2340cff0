import type { Insertable, Selectable, Updateable } from "kysely";
import { customerFieldApiName, customerFieldNames, type Customer, type CustomerFields } from "@tenure/domain";
import type { CustomersTable } from "../database/schema.ts";

/** A customers row as the domain type. */
export function toCustomer(row: Selectable<CustomersTable>): Customer {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    externalId: row.external_id,
    kind: row.kind,
    name: row.name,
    email: row.email,
    phone: row.phone,
    country: row.country,
    timeZone: row.time_zone,
    locale: row.locale,
    accountType: row.account_type,
    industry: row.industry,
    sizeBand: row.size_band,
    ownerUserId: row.owner_user_id,
    parentCustomerId: row.parent_customer_id,
    attributes: row.attributes,
    firstSeenAt: row.first_seen_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    erasedAt: row.erased_at,
    version: row.version,
  };
}

/** The columns to write for the fields present in `fields`. */
export function toCustomerColumns(fields: Partial<CustomerFields>): Updateable<CustomersTable> & Partial<Insertable<CustomersTable>> {
  const out: Record<string, unknown> = {};
  for (const field of customerFieldNames) {
    const value = fields[field];
    if (value === undefined) continue;
    // Columns are the snake_case field names, as in the API.
    const column = customerFieldApiName(field);
    // jsonb goes as JSON text so both drivers store an object, not a string.
    out[column] = field === "attributes" ? JSON.stringify(value) : value;
  }
  return out as Updateable<CustomersTable>;
}
