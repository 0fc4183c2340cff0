import { escapeCopyValue } from "@tenure/shared";
import type { StagedRows } from "./import-repository.ts";
import { stagedRows } from "./staged-rows.ts";

/** A batch of order lines split into rows ready to copy into order_lines and the rest, which need the staged upsert. */
export interface NewOrderLineRows {
  /** The order_lines columns of `text`, in order. */
  readonly columns: readonly string[];
  /** COPY text rows (tab-separated, `\N` for null, one line each). */
  readonly text: string;
  readonly copied: number;
  /** Lines that cannot be copied: another order's, a product not stored, or a key copied before. */
  readonly rest: StagedRows;
  /** For each row of `rest`, its index in the batch. */
  readonly positions: readonly number[];
}

/**
 * Lines of orders this import run inserted cannot be stored yet, and their
 * order and product ids are known (the order's from its insert, the
 * product's looked up once per run), so they can be copied straight into
 * order_lines: no staging table, no join, no search for a stored line.
 * This class keeps what is known (orders the run created, products looked
 * up, line keys copied) and turns a batch of lines into COPY text. It needs
 * no database, so an import can run it off the thread that talks to one.
 * Lines it cannot copy are left for the staged upsert, which updates or
 * rejects them; so is a line whose key (order + line number) was copied
 * before, which then updates the copy (last wins).
 */
export class NewOrderLineCopy {
  readonly #workspaceId: string;
  /** External id → id of the orders this run inserted, and the line numbers copied into each. */
  readonly #orders = new Map<string, CreatedOrder>();
  /** External id → id (null: not stored) of the products looked up. */
  readonly #products = new Map<string, string | null>();

  constructor(workspaceId: string) {
    this.#workspaceId = workspaceId;
  }

  /** Record orders the run has just inserted: [external id, id] pairs. */
  addOrders(created: readonly (readonly [string, string])[]): void {
    for (const [externalId, id] of created) this.#orders.set(externalId, new CreatedOrder(id));
  }

  /** The distinct product external ids of `rows` not looked up yet (to look up before encode). */
  productsToLookUp(rows: StagedRows): string[] {
    const at = rows.fields.indexOf("product_external_id");
    if (at < 0) return [];
    const missing = new Set<string>();
    for (const values of rows.values) {
      const key = values[at] ?? null;
      if (key !== null && !this.#products.has(key)) missing.add(key);
    }
    return [...missing];
  }

  /** Record looked-up products: [external id, id or null when not stored]. */
  addProducts(found: readonly (readonly [string, string | null])[]): void {
    for (const [externalId, id] of found) this.#products.set(externalId, id);
  }

  encode(rows: StagedRows): NewOrderLineRows {
    const orderAt = rows.fields.indexOf("order_external_id");
    const lineAt = rows.fields.indexOf("line_no");
    const productAt = rows.fields.indexOf("product_external_id");
    const rest = stagedRows(rows.entity, rows.fields, rows.insertOnlyFields);
    const positions: number[] = [];
    const plain = rows.fields.flatMap((field, i) => (i === orderAt || i === productAt ? [] : [i]));
    const columns = ["workspace_id", "order_id", ...(productAt >= 0 ? ["product_id"] : []), ...plain.map((i) => rows.fields[i] ?? "")];
    if (this.#orders.size === 0 || orderAt < 0 || lineAt < 0) return { columns, text: "", copied: 0, rest: rows, positions: rows.values.map((_, i) => i) };

    let text = "";
    let copied = 0;
    rows.values.forEach((values, index) => {
      const order = this.#orders.get(values[orderAt] ?? "");
      const lineNo = values[lineAt] ?? "";
      const product = productAt < 0 ? null : (values[productAt] ?? null);
      const productId = product === null ? null : (this.#products.get(product) ?? undefined); // undefined: not stored
      if (order === undefined || productId === undefined || !order.takeLine(lineNo)) {
        rest.lines.push(rows.lines[index] ?? 0);
        rest.values.push(values);
        positions.push(index);
        return;
      }
      let line = `${this.#workspaceId}\t${order.id}`;
      if (productAt >= 0) line += productId === null ? "\t\\N" : `\t${productId}`;
      for (const i of plain) {
        const value = values[i] ?? null;
        line += value === null ? "\t\\N" : `\t${escapeCopyValue(value)}`;
      }
      text += `${line}\n`;
      copied++;
    });
    return { columns, text, copied, rest, positions };
  }
}

/**
 * An order the run created and the line numbers copied into it. Lines come
 * numbered 1, 2, 3, … in file order (the preset numbers them so), so the
 * numbers below `next` are kept as that one number and only others in a
 * set: memory stays a few dozen bytes an order however many lines it has
 * (a set of every number took about 1 KB an order, 100 MB for 2M lines).
 */
class CreatedOrder {
  readonly id: string;
  /** Every line number from 1 up to below this was copied. */
  #next = 1;
  /** Line numbers copied out of that run (null while there are none); a value that is not a line number is kept as written. */
  #others: Set<number | string> | null = null;

  constructor(id: string) {
    this.id = id;
  }

  /** Record `lineNo` as copied; false when it was copied before (the line must update that copy instead). */
  takeLine(lineNo: string): boolean {
    const n = Number(lineNo);
    const key = Number.isSafeInteger(n) && n >= 1 && lineNo.trim() !== "" ? n : lineNo; // "07" and "7" are one key, as in the database
    if (key === this.#next) {
      this.#next++;
      while (this.#others?.delete(this.#next)) this.#next++;
      return true;
    }
    if (typeof key === "number" && key < this.#next) return false;
    if (this.#others?.has(key)) return false;
    (this.#others ??= new Set()).add(key);
    return true;
  }
}
