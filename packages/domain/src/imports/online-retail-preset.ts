import { sumMoney } from "@tenure/shared";
import { decimalUnits, formatDecimalUnits, multiplyDecimal } from "./fast-decimal.ts";
import { countryCodeOf } from "./country-codes.ts";
import type { StagedRows } from "./import-repository.ts";
import { parseImportDecimal, type ParsedValue } from "./parse-import-value.ts";
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
  /** The last CustomerID cell read and its customer number (consecutive lines repeat it). */
  #lastCustomerText = "";
  #lastCustomer: string | null | undefined = null;

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
    // The hot path of a 500,000-line import: no closures, no allocation beyond the row itself.
    const index = this.#index;
    const invoice = cellOf(record, index.InvoiceNo);
    let lineNo = 0;
    if (invoice !== "") {
      lineNo = (this.#lineCounts.get(invoice) ?? 0) + 1;
      this.#lineCounts.set(invoice, lineNo);
    }
    const stockCode = cellOf(record, index.StockCode);
    const quantity = parseImportDecimal(cellOf(record, index.Quantity));
    const orderedAt = parseImportTimestamp(cellOf(record, index.InvoiceDate), this.#timeZone);
    const price = parseImportDecimal(cellOf(record, index.UnitPrice));
    const customerText = cellOf(record, index.CustomerID);
    if (customerText !== this.#lastCustomerText) {
      this.#lastCustomerText = customerText;
      this.#lastCustomer = customerText === "" ? null : customerNumber(customerText);
    }
    const customer = this.#lastCustomer;
    if (invoice === "" || stockCode === "" || !quantity.ok || !price.ok || orderedAt === null || customer === undefined) {
      return this.#problems(record, { quantity, price, orderedAt, customer });
    }
    const amount = multiplyDecimal(quantity.value, price.value);
    if (!parseImportDecimal(amount).ok) return [{ column: "Quantity", value: cellOf(record, index.Quantity), reason: "Quantity × UnitPrice is too large" }];

    const country = cellOf(record, index.Country);
    const description = cellOf(record, index.Description);
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

  /** Every problem of a rejected line, in column order. */
  #problems(
    record: readonly string[],
    parsed: { quantity: ParsedValue; price: ParsedValue; orderedAt: string | null; customer: string | null | undefined },
  ): ImportProblem[] {
    const problems: ImportProblem[] = [];
    const refuse = (column: Column, reason: string): void => {
      const value = cellOf(record, this.#index[column]);
      problems.push({ column, value, reason: value === "" ? "required value is missing" : reason });
    };
    if (cellOf(record, this.#index.InvoiceNo) === "") refuse("InvoiceNo", "required value is missing");
    if (cellOf(record, this.#index.StockCode) === "") refuse("StockCode", "required value is missing");
    if (!parsed.quantity.ok) refuse("Quantity", parsed.quantity.reason);
    if (parsed.orderedAt === null) refuse("InvoiceDate", "not a date (use ISO 8601, YYYY-MM-DD or M/D/YYYY H:MM)");
    if (!parsed.price.ok) refuse("UnitPrice", parsed.price.reason);
    if (parsed.customer === undefined) refuse("CustomerID", "not a customer number");
    return problems;
  }

  /** Move the open invoice into the batch: its order (with total and line count) first, then its lines. */
  #close(): void {
    const open = this.#open;
    if (open === null) return;
    this.#open = null;
    if (open.order !== null) {
      this.#batch.orders.lines.push(open.lines[0] ?? 0);
      this.#batch.orders.values.push([...open.order, sumAmounts(open.values), String(open.values.length)]);
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
      this.#customers.set(id, { country: detached(country), firstSeenAt: at });
      this.#batch.customers.lines.push(line);
      this.#batch.customers.values.push(this.#customerValues(id, country, at));
      return;
    }
    // Only when it differs: every assignment of a new string to these long-lived records is work for the GC.
    if (state.country !== country) state.country = detached(country);
    if (at < state.firstSeenAt) state.firstSeenAt = at;
  }

  #seeProduct(line: number, stockCode: string, description: string, price: string): void {
    const state = this.#products.get(stockCode);
    if (state === undefined) {
      const first = { name: description === "" ? stockCode : detached(description), price };
      this.#products.set(stockCode, first);
      this.#batch.products.lines.push(line);
      this.#batch.products.values.push([stockCode, first.name, price, currency]);
      return;
    }
    if (description !== "" && state.name !== description) state.name = detached(description);
    if (state.price !== price) state.price = price;
  }

  #customerValues(id: string, country: string, firstSeenAt: string): (string | null)[] {
    let code = this.#countryCodes.get(country);
    if (code === undefined) {
      code = country === "" ? null : countryCodeOf(country);
      this.#countryCodes.set(detached(country), code);
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

/** The customer number of a CustomerID cell; Excel exports write it as a float ("17850.0" is customer 17850). Undefined when not a number. */
function customerNumber(text: string): string | undefined {
  let digits = 0;
  while (digits < text.length && isDigit(text.charCodeAt(digits))) digits++;
  if (digits === 0) return undefined;
  if (digits === text.length) return text;
  if (text.charCodeAt(digits) !== 46 || digits + 1 === text.length) return undefined; // "."
  for (let i = digits + 1; i < text.length; i++) if (text.charCodeAt(i) !== 48) return undefined; // "0"
  return text.slice(0, digits);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * A copy of `text` that does not keep alive the piece of the file it was cut
 * from: V8 keeps a slice's whole parent string, so a product name kept until
 * the end of the file would keep its 64 KB piece (4,070 products kept most of
 * the Online Retail file in memory, and the heap grew with it).
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}

function cellOf(record: readonly string[], index: number): string {
  return (record[index] ?? "").trim();
}

/** Σ amount (column 7) of an invoice's lines, exact. */
function sumAmounts(values: readonly (readonly (string | null)[])[]): string {
  let units = 0;
  for (const v of values) {
    const u = decimalUnits(v[7] ?? "0");
    if (u === null) return sumMoney(values.map((row) => row[7] ?? "0"));
    units += u;
  }
  return Number.isSafeInteger(units) ? formatDecimalUnits(units) : sumMoney(values.map((row) => row[7] ?? "0"));
}
