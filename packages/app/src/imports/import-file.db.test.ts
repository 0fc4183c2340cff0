import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportEntity } from "@tenure/domain";
import { AppError, newId, type RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, testEngines, type Database } from "@tenure/storage";
import { importFile, type ImportFileInput, type ImportFileResult } from "./import-file.ts";
import type { ImportRejection } from "./import-tally.ts";

const fixture = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../../storage/test-fixtures/online-retail-extract.csv"), "utf8");
const fixtureLines = fixture.split("\n");

// Counts of the fixture computed with gawk when it was made (see
// packages/storage/test-fixtures/README.md), not with this code.
const extract = { lines: 2000, orders: 97, cancelledOrders: 6, ordersWithoutCustomer: 7, customers: 72, products: 1049, total: "37814.17", cancelledTotal: "-325.23" };

describe.each(testEngines())("importFile on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  async function workspace(): Promise<RequestContext> {
    const id = newId("workspace");
    await database.db.insertInto("workspaces").values({ id, name: id, slug: id, settings: {}, default_currency: "EUR" }).execute();
    return { workspaceId: id, actorId: "usr_test", role: "admin", purpose: null, requestId: "req" };
  }

  async function run(ctx: RequestContext, text: string | Buffer, options: Partial<ImportFileInput> & { entity?: ImportEntity | null }) {
    const rejections: ImportRejection[] = [];
    const result: ImportFileResult = await importFile(ctx, { repositories: createRepositories(database) }, {
      entity: null,
      workspaceCurrency: "EUR",
      source: Readable.from([typeof text === "string" ? Buffer.from(text) : text]),
      onRejected: (r) => rejections.push(r),
      ...options,
    });
    const counts = Object.fromEntries(result.counts.map((c) => [c.entity, [c.inserted, c.updated, c.unchanged]]));
    return { result, rejections, counts };
  }

  async function count(table: "customers" | "products" | "orders" | "order_lines" | "contacts" | "payments" | "events", ctx: RequestContext): Promise<number> {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where("workspace_id", "=", ctx.workspaceId).executeTakeFirstOrThrow();
    return row.n;
  }

  it("loads the Online Retail extract as customers, products, orders and lines; a re-import changes nothing", async () => {
    const ctx = await workspace();
    const first = await run(ctx, fixture, { preset: "online-retail", batchSize: 700, fileName: "extract.csv" });
    expect(first.result).toMatchObject({ rowsRead: extract.lines, rejected: 0 });
    expect(first.counts).toEqual({
      customers: [extract.customers, 0, 0],
      products: [extract.products, 0, 0],
      orders: [extract.orders, 0, 0],
      "order-lines": [extract.lines, 0, 0],
    });
    const audited = await database.db.selectFrom("audit_log").select(["action", "actor_id", "customer_id", "details"]).where("workspace_id", "=", ctx.workspaceId).execute();
    expect(audited).toEqual([
      {
        action: "import.run",
        actor_id: "usr_test",
        customer_id: null,
        details: {
          entity: null,
          preset: "online-retail",
          file_name: "extract.csv",
          rows_read: extract.lines,
          rejected: 0,
          counts: {
            customers: { inserted: extract.customers, updated: 0, unchanged: 0 },
            products: { inserted: extract.products, updated: 0, unchanged: 0 },
            orders: { inserted: extract.orders, updated: 0, unchanged: 0 },
            "order-lines": { inserted: extract.lines, updated: 0, unchanged: 0 },
          },
        },
      },
    ]);
    const orders = await sql<{ cancelled: number; anonymous: number; total: string; cancelled_total: string }>`
      select count(*) filter (where status = 'cancelled') as cancelled, count(*) filter (where customer_id is null) as anonymous,
             sum(total) as total, sum(total) filter (where status = 'cancelled') as cancelled_total
        from orders where workspace_id = ${ctx.workspaceId}`.execute(database.db);
    expect(orders.rows[0]).toEqual({ cancelled: extract.cancelledOrders, anonymous: extract.ordersWithoutCustomer, total: "37814.1700", cancelled_total: "-325.2300" });
    const first536365 = await database.db.selectFrom("orders").selectAll().where("workspace_id", "=", ctx.workspaceId).where("external_id", "=", "536365").executeTakeFirstOrThrow();
    expect(first536365).toMatchObject({ total: "139.1200", line_count: 7, currency: "GBP", status: "completed", source: "import" });
    expect(first536365.ordered_at.toISOString()).toBe("2010-12-01T08:26:00.000Z");
    const customer = await database.db.selectFrom("customers").selectAll().where("workspace_id", "=", ctx.workspaceId).where("external_id", "=", "17850").executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ kind: "person", country: "GB", attributes: { country: "United Kingdom" } });
    expect(first536365.customer_id).toBe(customer.id);
    const eire = await database.db.selectFrom("customers").select(["country"]).where("workspace_id", "=", ctx.workspaceId).where("external_id", "=", "14911").executeTakeFirstOrThrow();
    expect(eire.country).toBe("IE");
    const cancelledLine = await database.db.selectFrom("order_lines").innerJoin("orders", (j) => j.onRef("orders.id", "=", "order_lines.order_id").onRef("orders.workspace_id", "=", "order_lines.workspace_id"))
      .select(["order_lines.quantity", "order_lines.amount", "order_lines.line_no"]).where("orders.workspace_id", "=", ctx.workspaceId).where("orders.external_id", "=", "C536379").executeTakeFirstOrThrow();
    expect(cancelledLine).toEqual({ quantity: "-1.0000", amount: "-27.5000", line_no: 1 });

    const again = await run(ctx, fixture, { preset: "online-retail", batchSize: 300 });
    expect(again.counts).toEqual({
      customers: [0, 0, extract.customers],
      products: [0, 0, extract.products],
      orders: [0, 0, extract.orders],
      "order-lines": [0, 0, extract.lines],
    });
    expect(await count("order_lines", ctx)).toBe(extract.lines);

    // One quantity changed (line 3 of the file: 536365, 84406B, 8 → 9): one line updated, its order's total follows.
    const changed = fixture.replace("536365,84406B,CREAM CUPID HEARTS COAT HANGER,8,", "536365,84406B,CREAM CUPID HEARTS COAT HANGER,9,");
    const third = await run(ctx, changed, { preset: "online-retail" });
    expect(third.counts["order-lines"]).toEqual([0, 1, extract.lines - 1]);
    expect(third.counts.orders).toEqual([0, 0, extract.orders]);
    const total = await database.db.selectFrom("orders").select("total").where("workspace_id", "=", ctx.workspaceId).where("external_id", "=", "536365").executeTakeFirstOrThrow();
    expect(total.total).toBe("141.8700");
  });

  it("totals an invoice whose lines are not contiguous once, and a re-import leaves it alone", async () => {
    const ctx = await workspace();
    const file = [
      "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
      "A1,S1,one,2,12/1/2010 8:26,1.25,17850.0,United Kingdom",
      "B1,S2,two,1,12/1/2010 9:00,3,,France",
      "A1,S1,one again,-1,12/1/2010 8:26,1.25,17850.0,United Kingdom",
      "A1,S3,three,4,12/1/2010 8:26,0.1,17850.0,United Kingdom",
    ].join("\n");
    const first = await run(ctx, file, { preset: "online-retail", batchSize: 1 });
    expect(first.counts.orders).toEqual([2, 0, 0]);
    const a1 = await database.db.selectFrom("orders").select(["total", "line_count", "ordered_at"]).where("workspace_id", "=", ctx.workspaceId).where("external_id", "=", "A1").executeTakeFirstOrThrow();
    expect(a1).toEqual({ total: "1.6500", line_count: 3, ordered_at: new Date("2010-12-01T08:26:00Z") });
    const again = await run(ctx, file, { preset: "online-retail", batchSize: 1 });
    expect(again.counts).toEqual({ customers: [0, 0, 1], products: [0, 0, 3], orders: [0, 0, 2], "order-lines": [0, 0, 4] });
  });

  it("reads gzip-compressed and tab-separated files", async () => {
    const gz = await workspace();
    const gzipped = await run(gz, gzipSync(Buffer.from(fixture)), { preset: "online-retail" });
    expect(gzipped.counts["order-lines"]).toEqual([extract.lines, 0, 0]);
    expect(await count("customers", gz)).toBe(extract.customers);

    const tsv = await workspace();
    const file = "external_id\tname\tcountry\tattributes.tier\nc1\tAda, Countess\tUnited Kingdom\tgold\nc2\tBob\tde\t\n";
    const result = await run(tsv, file, { entity: "customers" });
    expect(result.result.delimiter).toBe("\t");
    expect(result.counts.customers).toEqual([2, 0, 0]);
    const rows = await database.db.selectFrom("customers").select(["external_id", "name", "country", "attributes"]).where("workspace_id", "=", tsv.workspaceId).orderBy("external_id").execute();
    expect(rows).toEqual([
      { external_id: "c1", name: "Ada, Countess", country: "GB", attributes: { tier: "gold" } },
      { external_id: "c2", name: "Bob", country: "DE", attributes: {} },
    ]);
  });

  it("rejects bad rows with their line, column and reason and stores the good ones", async () => {
    const ctx = await workspace();
    const customers = await run(ctx, "external_id,name,email\nc1,Ada,ada@example.com\n,No Id,\nc2,Bob,not-an-email\nc3,Cy,\n", { entity: "customers" });
    expect(customers.counts.customers).toEqual([2, 0, 0]);
    expect(customers.result).toMatchObject({ rowsRead: 4, rejected: 2 });
    expect(customers.rejections.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [3, "external_id", "", "required value is missing"],
      [4, "email", "not-an-email", "not an e-mail address"],
    ]);
    expect(customers.rejections[1]?.record).toEqual(["c2", "Bob", "not-an-email"]);

    const orders = await run(ctx, "external_id,customer_external_id,ordered_at,total\no1,c1,2024-01-31,10.50\no2,c1,2024-02-30,1\no3,nobody,2024-03-01 10:00,2\no4,,3/1/2024 9:05,abc\no5,,3/1/2024 9:05,\n", { entity: "orders", batchSize: 2 });
    expect(orders.counts.orders).toEqual([2, 0, 0]);
    expect(orders.rejections.map((r) => [r.line, r.column, r.reason])).toEqual([
      [3, "ordered_at", "not a date (use ISO 8601, YYYY-MM-DD or M/D/YYYY H:MM)"],
      [5, "total", "not a number (use a dot for decimals, at most 4 decimals)"],
      [4, "customer_external_id", 'unknown customer: no customer with external id "nobody"'],
    ]);
    const o5 = await database.db.selectFrom("orders").select(["ordered_at", "customer_id", "currency"]).where("workspace_id", "=", ctx.workspaceId).where("external_id", "=", "o5").executeTakeFirstOrThrow();
    expect(o5).toEqual({ ordered_at: new Date("2024-03-01T09:05:00Z"), customer_id: null, currency: "EUR" });

    const lines = await run(ctx, "order_external_id,line_no,quantity,unit_price\no1,1,2,0.35\no9,1,1,1\no1,2,1.5x,1\n", { entity: "order-lines" });
    expect(lines.counts["order-lines"]).toEqual([1, 0, 0]);
    expect(lines.rejections.map((r) => [r.line, r.column, r.reason])).toEqual([
      [4, "quantity", "not a number (use a dot for decimals, at most 4 decimals)"],
      [3, "order_external_id", 'unknown order: no order with external id "o9"'],
    ]);
    const o1 = await database.db.selectFrom("orders").select(["total", "line_count"]).where("workspace_id", "=", ctx.workspaceId).where("external_id", "=", "o1").executeTakeFirstOrThrow();
    expect(o1).toEqual({ total: "0.7000", line_count: 1 });

    const contacts = await run(ctx, "external_id,customer_external_id,name\nk1,c1,Kim\nk2,zz,Lee\n", { entity: "contacts" });
    expect(contacts.counts.contacts).toEqual([1, 0, 0]);
    expect(contacts.rejections.map((r) => [r.line, r.column, r.value])).toEqual([[3, "customer_external_id", "zz"]]);

    const retail = fixtureLines.slice(0, 6);
    retail[2] = retail[2]?.replace("2010-12-01 08:26:00", "2010-13-01 08:26:00") ?? "";
    retail[4] = retail[4]?.replace(",6,", ",eight,") ?? "";
    const preset = await run(ctx, retail.join("\n"), { preset: "online-retail" });
    expect(preset.rejections.map((r) => [r.line, r.column, r.value])).toEqual([
      [3, "InvoiceDate", "2010-13-01 08:26:00"],
      [5, "Quantity", "eight"],
    ]);
    expect(preset.counts["order-lines"]).toEqual([3, 0, 0]);
  });

  it("names the file's physical line of a rejected row after quoted fields that span lines", async () => {
    const ctx = await workspace();
    const file = 'external_id,name,email\r\nc1,"Ada\r\nLovelace",ada@example.com\r\n\r\nc2,"Bob ""B""\nJr\n",bad\r\nc3,Cy,cy@example.com\r\n';
    const result = await run(ctx, file, { entity: "customers" });
    expect(result.rejections.map((r) => [r.line, r.column, r.value])).toEqual([[5, "email", "bad"]]);
    expect(result.rejections[0]?.record).toEqual(["c2", 'Bob "B"\nJr\n', "bad"]);
    expect(result.counts.customers).toEqual([2, 0, 0]);
    const ada = await database.db.selectFrom("customers").select("name").where("workspace_id", "=", ctx.workspaceId).where("external_id", "=", "c1").executeTakeFirstOrThrow();
    expect(ada.name).toBe("Ada\r\nLovelace");
  });

  it("stores nothing from a file that is not valid CSV and names the line", async () => {
    const ctx = await workspace();
    const broken = [...fixtureLines.slice(0, 1500), '536999,85123A,"UNCLOSED QUOTE,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom', ...fixtureLines.slice(1500)].join("\n");
    const error = await run(ctx, broken, { preset: "online-retail", batchSize: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/line 1501/);
    expect(await count("order_lines", ctx)).toBe(0);
    expect(await count("customers", ctx)).toBe(0);

    const ragged = await run(ctx, "external_id,name\nc1,Ada\nc2,Bob,extra\n", { entity: "customers" }).catch((e: unknown) => e);
    expect((ragged as AppError).message).toMatch(/line 3/);
    expect(await count("customers", ctx)).toBe(0);
  });

  it("maps columns with --map and refuses a header it cannot use", async () => {
    const ctx = await workspace();
    const file = "Customer Number,Full Name,Segment\n42,Ada,gold\n";
    const mapped = await run(ctx, file, { entity: "customers", map: { "Customer Number": "external_id", "Full Name": "name", Segment: "attributes.segment" } });
    expect(mapped.counts.customers).toEqual([1, 0, 0]);
    const row = await database.db.selectFrom("customers").select(["name", "attributes"]).where("workspace_id", "=", ctx.workspaceId).where("external_id", "=", "42").executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "Ada", attributes: { segment: "gold" } });
    const unmapped = await run(ctx, file, { entity: "customers" }).catch((e: unknown) => e);
    expect((unmapped as AppError).message).toMatch(/missing required column external_id/);

    const renamed = fixture.replace("InvoiceNo,StockCode", "Invoice,StockCode").replace(",CustomerID,", ",Customer ID,");
    const headers: (readonly string[])[] = [];
    const refused = await run(ctx, renamed, { preset: "online-retail", onHeader: (h) => headers.push(h) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("import_header_invalid");
    expect((refused as AppError).message).toMatch(/missing column InvoiceNo .*--map COLUMN=InvoiceNo.*; missing column CustomerID/);
    expect(headers[0]?.slice(0, 2)).toEqual(["Invoice", "StockCode"]);
    expect(await count("orders", ctx)).toBe(0);
    const remapped = await run(ctx, renamed, { preset: "online-retail", map: { Invoice: "InvoiceNo", "Customer ID": "CustomerID" } });
    expect(remapped.counts["order-lines"]).toEqual([extract.lines, 0, 0]);
  });

  it("stores nothing when the file's source fails midway or is empty, and says why", async () => {
    const ctx = await workspace();
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from(fixtureLines.slice(0, 1200).join("\n"));
      throw new Error("connection reset while uploading");
    }
    const failed = await importFile(ctx, { repositories: createRepositories(database) }, { entity: null, preset: "online-retail", workspaceCurrency: "EUR", source: failing(), batchSize: 100 }).catch((e: unknown) => e);
    expect((failed as Error).message).toBe("connection reset while uploading");
    expect(await count("order_lines", ctx)).toBe(0);
    expect(await count("customers", ctx)).toBe(0);

    const empty = await run(ctx, "", { preset: "online-retail" }).catch((e: unknown) => e);
    expect((empty as AppError).code).toBe("import_file_empty");
  });

  it("counts without storing anything in a dry run", async () => {
    const ctx = await workspace();
    const dry = await run(ctx, fixture, { preset: "online-retail", dryRun: true });
    expect(dry.result.dryRun).toBe(true);
    expect(dry.counts["order-lines"]).toEqual([extract.lines, 0, 0]);
    expect(await count("order_lines", ctx)).toBe(0);
    expect(await count("customers", ctx)).toBe(0);
    const audited = await database.db.selectFrom("audit_log").select("action").where("workspace_id", "=", ctx.workspaceId).execute();
    expect(audited).toEqual([]); // nothing stored, nothing to record
  });
});
