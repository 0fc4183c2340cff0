import type { ImportSession, OnlineRetailBatch, OnlineRetailPreset, StagedRows } from "@tenure/domain";
import { BatchWriter } from "./batch-writer.ts";
import type { ImportCounts } from "./import-counts.ts";
import type { ImportTally } from "./import-tally.ts";
import type { CsvRecord } from "./read-csv-records.ts";

/**
 * Import the Online Retail file in one pass. Per batch: customers and
 * products seen for the first time are inserted if missing (their final
 * values are only known at the end of the file), then orders and order lines
 * are upserted (batches end at invoice boundaries, so orders carry their
 * totals). After the last batch, the totals of invoices whose lines were not
 * contiguous are recomputed, and customers and products are upserted with
 * their final values. Each record is counted once per run.
 */
export async function writeOnlineRetailFile(
  session: ImportSession,
  chunks: AsyncIterable<CsvRecord[]>,
  preset: OnlineRetailPreset,
  tally: ImportTally,
  batchSize: number,
): Promise<ImportCounts[]> {
  const customers = counter("customers");
  const products = counter("products");
  const orders = counter("orders");
  const lines = counter("order-lines");
  const insertedCustomers = new Set<string>();
  const insertedProducts = new Set<string>();
  const writer = new BatchWriter();
  const write = async (batch: OnlineRetailBatch): Promise<void> => {
    for (const key of await session.insertMissing(batch.customers)) insertedCustomers.add(key);
    for (const key of await session.insertMissing(batch.products)) insertedProducts.add(key);
    add(orders, await session.upsert(batch.orders), batch.orders, null);
    add(lines, await session.upsert(batch.lines), batch.lines, batch.sources);
  };

  const add = (to: ImportCounts, outcome: Awaited<ReturnType<ImportSession["upsert"]>>, rows: StagedRows, sources: (readonly string[])[] | null): void => {
    to.inserted += outcome.inserted;
    to.updated += outcome.updated;
    to.unchanged += outcome.unchanged;
    // Every reference in the file is created by the file itself, so this
    // only reports rows the database could not link (never seen on the UCI file).
    for (const r of outcome.rejected) tally.reject(rows.lines[r.index] ?? 0, sources?.[r.index] ?? [], [{ column: r.field, value: r.value, reason: r.reason }]);
  };

  for await (const chunk of chunks) {
    for (const { line, record } of chunk) {
      tally.rowsRead++;
      const problems = preset.addLine(line, record);
      if (problems !== null) {
        tally.reject(line, record, problems);
        continue;
      }
      if (preset.batchSize >= batchSize) {
        const batch = preset.takeBatch();
        await writer.submit(() => write(batch));
      }
    }
    tally.progress();
  }
  const last = preset.takeBatch(true);
  await writer.submit(() => write(last));
  await writer.drain();

  await session.refreshOrderTotals(preset.reopenedOrderIds());
  const final = preset.finalRows();
  settle(customers, final.customers.values.length, insertedCustomers, await session.upsertReturningChanged(final.customers));
  settle(products, final.products.values.length, insertedProducts, await session.upsertReturningChanged(final.products));
  tally.progress();
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
