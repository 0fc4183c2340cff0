import type { ImportSession, NewOrderLineCopy, StagedRows, UpsertOutcome } from "@tenure/domain";

/**
 * Write a batch of order lines in an import session the way the Online
 * Retail import does (write-online-retail-file.ts, across its two threads):
 * lines of orders the run created are copied, the rest upserted. Outcome
 * indexes are the batch's. `lineCopy` must have been told the orders the
 * run created (addOrders with upsert's `created`).
 */
export async function writeImportLines(session: ImportSession, lineCopy: NewOrderLineCopy, rows: StagedRows): Promise<UpsertOutcome> {
  lineCopy.addProducts(await session.lookUpProducts(lineCopy.productsToLookUp(rows)));
  const { columns, text, copied, rest, positions } = lineCopy.encode(rows);
  await session.copyNewOrderLines({ columns, text, copied });
  const outcome = await session.upsert(rest);
  return { ...outcome, inserted: outcome.inserted + copied, rejected: outcome.rejected.map((r) => ({ ...r, index: positions[r.index] ?? r.index })) };
}
