import type { ImportSession, StagedRows, UpsertOutcome } from "@tenure/domain";
import type { ImportCounts } from "./import-counts.ts";
import type { ImportTally } from "./import-tally.ts";
import type { OnlineRetailWorker } from "./online-retail-worker-client.ts";

/**
 * Write the Online Retail file as the worker reads it (one pass; the worker
 * runs the preset, this thread only the database). Per batch: customers and
 * products seen for the first time are inserted if missing (their final
 * values are only known at the end of the file), then orders are upserted
 * (batches end at invoice boundaries, so orders carry their totals) and the
 * worker is told their ids; then the batch's lines come back, those of
 * orders this run created as COPY text, the others to upsert. After the
 * last batch, the totals of invoices whose lines were not contiguous are
 * recomputed, and customers and products are upserted with their final
 * values. Each record is counted once per run.
 */
export async function writeOnlineRetailFile(session: ImportSession, worker: OnlineRetailWorker, tally: ImportTally): Promise<ImportCounts[]> {
  const customers = counter("customers");
  const products = counter("products");
  const orders = counter("orders");
  const lines = counter("order-lines");
  const insertedCustomers = new Set<string>();
  const insertedProducts = new Set<string>();

  const add = (to: ImportCounts, outcome: UpsertOutcome, rows: StagedRows, sources: readonly (readonly string[])[] | null): void => {
    to.inserted += outcome.inserted;
    to.updated += outcome.updated;
    to.unchanged += outcome.unchanged;
    // Every reference in the file is created by the file itself, so this
    // only reports rows the database could not link (never seen on the UCI file).
    for (const r of outcome.rejected) tally.reject(rows.lines[r.index] ?? 0, sources?.[r.index] ?? [], [{ column: r.field, value: r.value, reason: r.reason }]);
  };

  for await (const report of worker.reports()) {
    switch (report.type) {
      case "progress":
        tally.rowsRead = report.rowsRead;
        for (const { line, record, problems } of report.rejected) tally.reject(line, record, problems);
        tally.progress();
        break;
      case "batch": {
        for (const key of await session.insertMissing(report.customers)) insertedCustomers.add(key);
        for (const key of await session.insertMissing(report.products)) insertedProducts.add(key);
        const outcome = await session.upsert(report.orders);
        add(orders, outcome, report.orders, null);
        worker.send({ type: "ids", batch: report.batch, created: outcome.created ?? [], products: await session.lookUpProducts(report.productKeys) });
        break;
      }
      case "lines": {
        await session.copyNewOrderLines(report.copy);
        lines.inserted += report.copy.copied;
        add(lines, await session.upsert(report.rest), report.rest, report.restSources);
        break;
      }
      case "done": {
        await session.refreshOrderTotals(report.reopened);
        settle(customers, report.customers.values.length, insertedCustomers, await session.upsertReturningChanged(report.customers));
        settle(products, report.products.values.length, insertedProducts, await session.upsertReturningChanged(report.products));
        tally.progress();
        break;
      }
    }
  }
  return [customers, products, orders, lines];
}

function counter(entity: ImportCounts["entity"]): ImportCounts {
  return { entity, inserted: 0, updated: 0, unchanged: 0 };
}

/** Records inserted earlier in this run stay "inserted" even when their final values changed them again. */
function settle(to: ImportCounts, total: number, inserted: ReadonlySet<string>, changed: readonly string[]): void {
  to.inserted = inserted.size;
  to.updated = changed.filter((key) => !inserted.has(key)).length;
  to.unchanged = total - to.inserted - to.updated;
}
