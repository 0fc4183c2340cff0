import { stagedRows, type StagedRows } from "@tenure/domain";
import { escapeCopyValue } from "../database/encode-copy-text.ts";
import type { SqlSession } from "../database/sql-session.ts";
import { DeferredOrderLineIndexes } from "./deferred-order-line-indexes.ts";

/** What copyFresh did with a batch of order lines: how many it stored, and the rows left for the staged upsert. */
export interface FreshLinesResult {
  readonly copied: number;
  readonly rest: StagedRows;
  /** For each row of `rest`, its index in the batch. */
  readonly positions: readonly number[];
}

/**
 * Lines of orders this run inserted cannot be stored yet, and their order and
 * product ids are known (the order's from its insert, the product's looked up
 * once per run), so they are copied straight into order_lines: no staging
 * table, no join, no search for a stored line (one COPY instead of a COPY, an
 * INSERT … SELECT and an anti-join; the order check is migration 0010's, once
 * per statement). Lines naming another order, or a product not stored, are
 * left to the staged upsert, which updates or rejects them; so is a line whose
 * key (order + line number) was copied before, which then updates the copy.
 */
export class FreshOrderLines {
  readonly #session: SqlSession;
  readonly #workspaceId: string;
  /** External id → id of the orders this run inserted, and the line numbers copied into each. */
  readonly #orders = new Map<string, { readonly id: string; readonly lines: Set<string> }>();
  /** External id → id (null: not stored) of the products looked up. */
  readonly #products = new Map<string, string | null>();
  /** On an empty order_lines table, its indexes are built after the copies (restoreIndexes). */
  readonly #indexes: DeferredOrderLineIndexes;

  constructor(session: SqlSession, workspaceId: string) {
    this.#session = session;
    this.#workspaceId = workspaceId;
    this.#indexes = new DeferredOrderLineIndexes(session);
  }

  /** Rebuild the indexes the copies went without; needed before any other write or read of order_lines. */
  restoreIndexes(): Promise<void> {
    return this.#indexes.restore();
  }

  /** Record orders the run has just inserted. */
  addOrders(externalIds: readonly string[], ids: readonly string[]): void {
    externalIds.forEach((externalId, i) => {
      const id = ids[i];
      if (id !== undefined) this.#orders.set(externalId, { id, lines: new Set() });
    });
  }

  async copyFresh(rows: StagedRows): Promise<FreshLinesResult> {
    const orderAt = rows.fields.indexOf("order_external_id");
    const lineAt = rows.fields.indexOf("line_no");
    const productAt = rows.fields.indexOf("product_external_id");
    const rest = stagedRows(rows.entity, rows.fields, rows.insertOnlyFields);
    const positions: number[] = [];
    if (this.#orders.size === 0 || orderAt < 0 || lineAt < 0) return { copied: 0, rest: rows, positions: rows.values.map((_, i) => i) };
    if (productAt >= 0) await this.#lookUpProducts(rows.values.map((v) => v[productAt] ?? null));

    const plain = rows.fields.flatMap((field, i) => (i === orderAt || i === productAt ? [] : [i]));
    let text = "";
    let copied = 0;
    rows.values.forEach((values, index) => {
      const order = this.#orders.get(values[orderAt] ?? "");
      const lineNo = values[lineAt] ?? "";
      const product = productAt < 0 ? null : (values[productAt] ?? null);
      const productId = product === null ? null : (this.#products.get(product) ?? undefined); // undefined: not stored
      if (order === undefined || productId === undefined || order.lines.has(lineNo)) {
        rest.lines.push(rows.lines[index] ?? 0);
        rest.values.push(values);
        positions.push(index);
        return;
      }
      order.lines.add(lineNo);
      let line = `${this.#workspaceId}\t${order.id}`;
      if (productAt >= 0) line += productId === null ? "\t\\N" : `\t${productId}`;
      for (const i of plain) {
        const value = values[i] ?? null;
        line += value === null ? "\t\\N" : `\t${escapeCopyValue(value)}`;
      }
      text += `${line}\n`;
      copied++;
    });
    if (copied > 0) {
      await this.#indexes.deferIfEmpty();
      const columns = ["workspace_id", "order_id", ...(productAt >= 0 ? ["product_id"] : []), ...plain.map((i) => rows.fields[i] ?? "")];
      await this.#session.copyIn(`order_lines (${columns.join(", ")})`, text);
    }
    return { copied, rest, positions };
  }

  async #lookUpProducts(keys: readonly (string | null)[]): Promise<void> {
    const missing = [...new Set(keys.filter((k): k is string => k !== null && !this.#products.has(k)))];
    if (missing.length === 0) return;
    const found = await this.#session.query<{ external_id: string; id: string }>(
      "select external_id, id from products where workspace_id = $1 and external_id = any($2::text[])",
      [this.#workspaceId, missing],
    );
    for (const key of missing) this.#products.set(key, null);
    for (const row of found) this.#products.set(row.external_id, row.id);
  }
}
