import type { ImportEntity } from "@tenure/domain";
import type { IdKind } from "@tenure/shared";

/** Where one importable entity lives and how its upsert is keyed. */
export interface ImportTable {
  readonly table: string;
  /** Kind of the generated primary key, or null (order_lines are keyed by order + line_no). */
  readonly idKind: IdKind | null;
  /** The ON CONFLICT target, matching a unique index of the table (partial ones with their predicate). */
  readonly conflict: string;
  /** The column RETURNING reports as the record's key (its external id). */
  readonly keyColumn: string;
  /** Reference fields → the table whose external_id they name and the column that stores its id. */
  readonly references: Readonly<Record<string, { readonly table: string; readonly column: string }>>;
  /** Extra SET items on update. */
  readonly touch: readonly string[];
  /** Constant columns on insert only. */
  readonly insertConstants: Readonly<Record<string, string>>;
}

const customer = { customer_external_id: { table: "customers", column: "customer_id" } };
const updated = ["updated_at = now()"];

/** The table behind each importable entity. */
export const importTables: Record<ImportEntity, ImportTable> = {
  customers: {
    table: "customers",
    idKind: "customer",
    conflict: "(workspace_id, external_id) where external_id is not null",
    keyColumn: "external_id",
    references: {},
    touch: ["updated_at = now()", "version = t.version + 1"],
    insertConstants: {},
  },
  contacts: {
    table: "contacts",
    idKind: "contact",
    conflict: "(workspace_id, external_id) where external_id is not null",
    keyColumn: "external_id",
    references: customer,
    touch: updated,
    insertConstants: {},
  },
  products: {
    table: "products",
    idKind: "product",
    conflict: "(workspace_id, external_id)",
    keyColumn: "external_id",
    references: {},
    touch: updated,
    insertConstants: {},
  },
  orders: {
    table: "orders",
    idKind: "order",
    conflict: "(workspace_id, external_id)",
    keyColumn: "external_id",
    references: customer,
    touch: updated,
    insertConstants: { source: "'import'" },
  },
  "order-lines": {
    table: "order_lines",
    idKind: null,
    conflict: "(workspace_id, order_id, line_no)",
    keyColumn: "line_no",
    references: {
      order_external_id: { table: "orders", column: "order_id" },
      product_external_id: { table: "products", column: "product_id" },
    },
    touch: [],
    insertConstants: {},
  },
  payments: {
    table: "payments",
    idKind: "payment",
    conflict: "(workspace_id, external_id) where external_id is not null",
    keyColumn: "external_id",
    references: customer,
    touch: [],
    insertConstants: {},
  },
  events: {
    table: "events",
    idKind: "event",
    conflict: "(workspace_id, message_id) where message_id is not null",
    keyColumn: "message_id",
    references: customer,
    touch: [],
    insertConstants: {},
  },
};
