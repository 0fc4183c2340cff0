import { multiplyMoney, sumMoney } from "@tenure/shared";
import { countryCodeOf } from "./country-codes.ts";
import type { StagedRows } from "./import-repository.ts";
import { parseImportDecimal } from "./parse-import-value.ts";
import { parseImportTimestamp } from "./parse-import-timestamp.ts";
import { stagedRows } from "./staged-rows.ts";
import type { ImportProblem } from "./validate-import-row.ts";

/** The columns of the UCI Online Retail file (dataset 352), in any order. */
export const onlineRetailColumns = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"] as const;
type Column = (typeof onlineRetailColumns)[number];

/** The rows one batch of file lines turned into, per entity, in the order they must be written. */
export interface OnlineRetailBatch {
  /** Customers seen for the first time in this run (first-sight values; final ones come from finalRows). */
  readonly customers: StagedRows;
  readonly products: StagedRows;
  /** Orders (invoices) seen for the first time in this run. */
  readonly orders: StagedRows;
  readonly lines: StagedRows;
  /** The file row of each line in `lines` (same order), for error reports. */
  readonly sources: (readonly string[])[];
}

/** The lines of the invoice being read: an order is written with its lines, its total known. */
interface OpenInvoice {
  readonly invoice: string;
  /** The order row (without total and line count), or null when the invoice was already written (lines not contiguous). */
  readonly order: (string | null)[] | null;
  readonly lines: number[];
  readonly values: (string | null)[][];
  readonly sources: (readonly string[])[];
}

const customerFields = ["external_id", "kind", "country", "first_seen_at", "attributes"];
const productFields = ["external_id", "name", "price", "currency"];
const orderFields = ["external_id", "customer_external_id", "ordered_at", "currency", "status", "attributes", "total", "line_count"];
const lineFields = ["order_external_id", "line_no", "product_external_id", "sku", "description", "quantity", "unit_price", "amount"];

interface CustomerState {
  country: string;
  firstSeenAt: string;
}
interface ProductState {
  name: string;
  price: string;
}

const currency = "GBP";

/**
 * Turns the Online Retail file into customers, products, orders and order
 * lines in one pass. Records derived from many lines take these values:
 * a customer's country is that of their last line and first_seen_at their
 * earliest invoice; a product's name is its last non-empty description and
 * its price the last unit price; an order takes customer, date and country
 * from its first line and is cancelled when its number starts with "C".
 * line_no is the position of the line within its invoice in file order
 * (rejected lines included), so a re-import finds the same keys. Batches
 * end at invoice boundaries, so an order is written with its total and line
 * count; an invoice whose lines are not contiguous is reported by
 * reopenedOrderIds() and its totals must be recomputed after the last batch.
 * Memory grows with distinct invoices, customers and products, not lines.
 */
export class OnlineRetailPreset {
  readonly #timeZone: string;
  readonly #index: Record<Column, number>;
  readonly #lineCounts = new Map<string, number>();
  readonly #customers = new Map<string, CustomerState>();
  readonly #products = new Map<string, ProductState>();
  readonly #ordersSeen = new Set<string>();
  readonly #reopened = new Set<string>();
  #open: OpenInvoice | null = null;
  readonly #countryCodes = new Map<string, string | null>();
  #batch: OnlineRetailBatch = emptyBatch();

  /** Check the header; returns the problems (missing columns) or a preset ready for rows. */
  static fromHeader(header: readonly string[], timeZone: string): OnlineRetailPreset | { problems: string[] } {
    const missing = onlineRetailColumns.filter((c) => !header.includes(c));
    if (missing.length > 0) {
      return { problems: missing.map((c) => `missing column ${c} required by the online-retail preset (map one with --map COLUMN=${c})`) };
    }
    const index = Object.fromEntries(onlineRetailColumns.map((c) => [c, header.indexOf(c)])) as Record<Column, number>;
    return new OnlineRetailPreset(index, timeZone);
  }

  private constructor(index: Record<Column, number>, timeZone: string) {
    this.#index = index;
    this.#timeZone = timeZone;
  }

  /** Number of lines of complete invoices in the current batch. */
  get batchSize(): number {
    return this.#batch.lines.values.length;
  }

  /** Add one file line; returns its problems when it is rejected (nothing is staged then). */
  addLine(line: number, record: readonly string[]): ImportProblem[] | null {
    const cell = (column: Column): string => (record[this.#index[column]] ?? "").trim();
    const problems: ImportProblem[] = [];
    const refuse = (column: Column, reason: string): void => {
      problems.push({ column, value: cell(column), reason });
    };
    const invoice = cell("InvoiceNo");
    let lineNo = 0;
    if (invoice === "") refuse("InvoiceNo", "required value is missing");
    else {
      lineNo = (this.#lineCounts.get(invoice) ?? 0) + 1;
      this.#lineCounts.set(invoice, lineNo);
    }
    const stockCode = cell("StockCode");
    if (stockCode === "") refuse("StockCode", "required value is missing");
    const quantity = parseImportDecimal(cell("Quantity"));
    if (!quantity.ok) refuse("Quantity", cell("Quantity") === "" ? "required value is missing" : quantity.reason);
    const orderedAt = parseImportTimestamp(cell("InvoiceDate"), this.#timeZone);
    if (orderedAt === null) refuse("InvoiceDate", cell("InvoiceDate") === "" ? "required value is missing" : "not a date (use ISO 8601, YYYY-MM-DD or M/D/YYYY H:MM)");
    const price = parseImportDecimal(cell("UnitPrice"));
    if (!price.ok) refuse("UnitPrice", cell("UnitPrice") === "" ? "required value is missing" : price.reason);
    const customerText = cell("CustomerID");
    // Excel exports write the customer number as a float: "17850.0" is customer 17850.
    const customer = customerText === "" ? null : /^\d+(\.0+)?$/.test(customerText) ? customerText.replace(/\.0+$/, "") : undefined;
    if (customer === undefined) refuse("CustomerID", "not a customer number");
    if (problems.length > 0 || !quantity.ok || !price.ok || orderedAt === null || customer === undefined) return problems;
    const amount = multiplyMoney(quantity.value, price.value);
    if (!parseImportDecimal(amount).ok) return [{ column: "Quantity", value: cell("Quantity"), reason: "Quantity × UnitPrice is too large" }];

    const country = cell("Country");
    const description = cell("Description");
    if (customer !== null) this.#seeCustomer(line, customer, country, orderedAt);
    this.#seeProduct(line, stockCode, description, price.value);
    if (this.#open !== null && this.#open.invoice !== invoice) this.#close();
    if (this.#open === null) {
      let order: (string | null)[] | null = null;
      if (this.#ordersSeen.has(invoice)) this.#reopened.add(invoice);
      else {
        this.#ordersSeen.add(invoice);
        order = [invoice, customer, orderedAt, currency, invoice.startsWith("C") ? "cancelled" : "completed", JSON.stringify({ country })];
      }
      this.#open = { invoice, order, lines: [], values: [], sources: [] };
    }
    this.#open.lines.push(line);
    this.#open.values.push([invoice, String(lineNo), stockCode, stockCode, description === "" ? null : description, quantity.value, price.value, amount]);
    this.#open.sources.push(record);
    return null;
  }

  /** Move the open invoice into the batch: its order (with total and line count) first, then its lines. */
  #close(): void {
    const open = this.#open;
    if (open === null) return;
    this.#open = null;
    if (open.order !== null) {
      this.#batch.orders.lines.push(open.lines[0] ?? 0);
      this.#batch.orders.values.push([...open.order, sumMoney(open.values.map((v) => v[7] ?? "0")), String(open.values.length)]);
    }
    for (let i = 0; i < open.lines.length; i++) {
      this.#batch.lines.lines.push(open.lines[i] ?? 0);
      this.#batch.lines.values.push(open.values[i] ?? []);
      this.#batch.sources.push(open.sources[i] ?? []);
    }
  }

  #seeCustomer(line: number, id: string, country: string, at: string): void {
    const state = this.#customers.get(id);
    if (state === undefined) {
      this.#customers.set(id, { country, firstSeenAt: at });
      this.#batch.customers.lines.push(line);
      this.#batch.customers.values.push(this.#customerValues(id, country, at));
      return;
    }
    state.country = country;
    if (at < state.firstSeenAt) state.firstSeenAt = at;
  }

  #seeProduct(line: number, stockCode: string, description: string, price: string): void {
    const state = this.#products.get(stockCode);
    if (state === undefined) {
      const first = { name: description === "" ? stockCode : description, price };
      this.#products.set(stockCode, first);
      this.#batch.products.lines.push(line);
      this.#batch.products.values.push([stockCode, first.name, price, currency]);
      return;
    }
    if (description !== "") state.name = description;
    state.price = price;
  }

  #customerValues(id: string, country: string, firstSeenAt: string): (string | null)[] {
    let code = this.#countryCodes.get(country);
    if (code === undefined) {
      code = country === "" ? null : countryCodeOf(country);
      this.#countryCodes.set(country, code);
    }
    return [id, "person", code, firstSeenAt, JSON.stringify(country === "" ? {} : { country })];
  }

  /** The complete invoices staged since the last call (all of them when `last`), and a fresh batch for the next lines. */
  takeBatch(last = false): OnlineRetailBatch {
    if (last) this.#close();
    const batch = this.#batch;
    this.#batch = emptyBatch();
    return batch;
  }

  /** External ids of the invoices whose lines were not contiguous (their totals need recomputing). */
  reopenedOrderIds(): string[] {
    return [...this.#reopened];
  }

  /** Final values of every customer and product seen in the file (to write after the last batch). */
  finalRows(): { customers: StagedRows; products: StagedRows } {
    const customers = stagedRows("customers", customerFields, ["kind"]);
    for (const [id, state] of this.#customers) {
      customers.lines.push(0);
      customers.values.push(this.#customerValues(id, state.country, state.firstSeenAt));
    }
    const products = stagedRows("products", productFields);
    for (const [id, state] of this.#products) {
      products.lines.push(0);
      products.values.push([id, state.name, state.price, currency]);
    }
    return { customers, products };
  }
}

function emptyBatch(): OnlineRetailBatch {
  return {
    customers: stagedRows("customers", customerFields, ["kind"]),
    products: stagedRows("products", productFields),
    // Totals are the file's on insert; later changes come from the lines (see ImportSession.upsert).
    orders: stagedRows("orders", orderFields, ["total", "line_count"]),
    lines: stagedRows("order-lines", lineFields),
    sources: [],
  };
}
