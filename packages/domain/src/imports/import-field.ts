/**
 * How a column's text is read: `timestamp` accepts ISO 8601, YYYY-MM-DD and
 * M/D/YYYY H:MM; `money` and `decimal` take a dot decimal with at most 4
 * fraction digits (numeric(18,4)); `reference` is the external id of another
 * record that must already exist.
 */
export type ImportFieldType =
  | "text"
  | "timestamp"
  | "money"
  | "decimal"
  | "integer"
  | "boolean"
  | "country"
  | "currency"
  | "email"
  | "locale"
  | "time_zone"
  | "reference"
  | "choice"
  | "json";

/** One importable field of an entity (a target of a CSV column). */
export interface ImportField {
  readonly name: string;
  readonly type: ImportFieldType;
  readonly required?: boolean;
  /** Allowed values of a `choice` field. */
  readonly choices?: readonly string[];
  /** Value used when the column is absent or empty: a literal, or the workspace's currency. */
  readonly fallback?: { readonly literal: string } | "workspace_currency";
  /** For `reference` fields: the entity whose external id it names. */
  readonly references?: "customers" | "orders" | "products";
  /** One line for docs and `--help`. */
  readonly description: string;
}
