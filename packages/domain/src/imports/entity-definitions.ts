import type { ImportEntity } from "./import-entity.ts";
import type { ImportField } from "./import-field.ts";

/** What a file of one entity may contain, and how its rows are keyed. */
export interface EntityDefinition {
  readonly entity: ImportEntity;
  /** Fields that identify a row for the upsert (re-importing a row updates it). */
  readonly key: readonly string[];
  readonly fields: readonly ImportField[];
  /** The JSON field that `<name>.<key>` columns fill (attributes, or properties for events). */
  readonly jsonField: string | null;
}

const text = (name: string, description: string, required = false): ImportField => ({ name, type: "text", description, required });
const externalId: ImportField = { name: "external_id", type: "text", required: true, description: "your id of the record; re-importing the same id updates the record" };
const attributes: ImportField = { name: "attributes", type: "json", description: "filled from columns named attributes.<key>" };
const currency: ImportField = { name: "currency", type: "currency", fallback: "workspace_currency", description: "ISO 4217 code; defaults to the workspace currency" };
const customerRef = (required: boolean): ImportField => ({
  name: "customer_external_id",
  type: "reference",
  references: "customers",
  required,
  description: "external id of a customer already imported",
});

const definitions: Record<ImportEntity, EntityDefinition> = {
  customers: {
    entity: "customers",
    key: ["external_id"],
    jsonField: "attributes",
    fields: [
      externalId,
      { name: "kind", type: "choice", choices: ["person", "organization"], fallback: { literal: "person" }, description: "person (default) or organization" },
      text("name", "display name"),
      { name: "email", type: "email", description: "e-mail address" },
      text("phone", "phone number"),
      { name: "country", type: "country", description: "ISO 3166-1 alpha-2 code, or an English country name" },
      { name: "time_zone", type: "time_zone", description: "IANA time zone such as Europe/London" },
      { name: "locale", type: "locale", description: "BCP 47 language tag such as en or ja-JP" },
      text("account_type", "B2B account type"),
      text("industry", "B2B industry"),
      text("size_band", "B2B size band"),
      { name: "first_seen_at", type: "timestamp", description: "when the customer was first seen" },
      attributes,
    ],
  },
  contacts: {
    entity: "contacts",
    key: ["external_id"],
    jsonField: "attributes",
    fields: [
      externalId,
      customerRef(true),
      text("name", "full name"),
      { name: "email", type: "email", description: "e-mail address" },
      text("phone", "phone number"),
      text("title", "job title"),
      text("role", "role in the account (e.g. decision maker)"),
      { name: "locale", type: "locale", description: "BCP 47 language tag" },
      { name: "is_primary", type: "boolean", fallback: { literal: "false" }, description: "true/false, yes/no or 1/0 (default false)" },
      attributes,
    ],
  },
  products: {
    entity: "products",
    key: ["external_id"],
    jsonField: "attributes",
    fields: [
      { ...externalId, description: "SKU or product code" },
      text("name", "product name", true),
      text("category", "category"),
      { name: "price", type: "money", description: "list price" },
      { name: "unit_cost", type: "money", description: "cost per unit" },
      currency,
      { name: "is_service", type: "boolean", fallback: { literal: "false" }, description: "true for services (default false)" },
      attributes,
    ],
  },
  orders: {
    entity: "orders",
    key: ["external_id"],
    jsonField: "attributes",
    fields: [
      { ...externalId, description: "order or invoice number" },
      customerRef(false),
      { name: "ordered_at", type: "timestamp", required: true, description: "when the order was placed" },
      currency,
      { name: "status", type: "choice", choices: ["completed", "cancelled", "returned", "pending"], fallback: { literal: "completed" }, description: "completed (default), cancelled, returned or pending" },
      { name: "total", type: "money", fallback: { literal: "0" }, description: "order total (default 0; recomputed from the lines when lines are imported)" },
      { name: "line_count", type: "integer", description: "number of lines (recomputed from the lines when lines are imported)" },
      attributes,
    ],
  },
  "order-lines": {
    entity: "order-lines",
    key: ["order_external_id", "line_no"],
    jsonField: null,
    fields: [
      { name: "order_external_id", type: "reference", references: "orders", required: true, description: "external id of an order already imported" },
      { name: "line_no", type: "integer", required: true, description: "position of the line in its order (1, 2, …)" },
      { name: "product_external_id", type: "reference", references: "products", description: "external id of a product already imported" },
      text("sku", "product code as printed on the order"),
      text("description", "line text"),
      { name: "quantity", type: "decimal", required: true, description: "negative for returns and cancellations" },
      { name: "unit_price", type: "money", required: true, description: "price of one unit" },
      { name: "amount", type: "money", description: "line amount; defaults to quantity × unit_price, computed exactly" },
      { name: "discount", type: "money", fallback: { literal: "0" }, description: "discount on the line (default 0)" },
    ],
  },
  payments: {
    entity: "payments",
    key: ["external_id"],
    jsonField: null,
    fields: [
      externalId,
      customerRef(true),
      { name: "paid_at", type: "timestamp", required: true, description: "when the payment was received" },
      { name: "amount", type: "money", required: true, description: "amount paid" },
      currency,
      text("method", "card, transfer, …"),
    ],
  },
  events: {
    entity: "events",
    key: ["message_id"],
    jsonField: "properties",
    fields: [
      { name: "message_id", type: "text", description: "unique id of the event; defaults to customer + type + time, so a re-import adds nothing" },
      customerRef(false),
      text("type", "event type, e.g. page_viewed", true),
      { name: "occurred_at", type: "timestamp", required: true, description: "when it happened" },
      { name: "source", type: "text", fallback: { literal: "import" }, description: "where it came from (default import)" },
      text("summary", "one line shown on the customer timeline"),
      { name: "properties", type: "json", description: "filled from columns named properties.<key>" },
    ],
  },
};

/** The column definitions of an importable entity. */
export function entityDefinition(entity: ImportEntity): EntityDefinition {
  return definitions[entity];
}
