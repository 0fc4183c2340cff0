import { stagedRows, validateImportRow, type ImportPlan, type ImportSession, type StagedRows } from "@tenure/domain";
import { BatchWriter } from "./batch-writer.ts";
import type { ImportCounts } from "./import-counts.ts";
import type { ImportTally } from "./import-tally.ts";
import type { CsvRecord } from "./read-csv-records.ts";

/**
 * Validate and upsert the rows of a one-entity file, batch by batch. A key
 * repeated within a batch closes the batch first, so a file that lists a
 * record twice behaves as if its rows were written one after the other.
 */
export async function writeEntityFile(
  session: ImportSession,
  chunks: AsyncIterable<CsvRecord[]>,
  plan: ImportPlan,
  tally: ImportTally,
  batchSize: number,
): Promise<ImportCounts> {
  const counts: ImportCounts = { entity: plan.entity, inserted: 0, updated: 0, unchanged: 0 };
  const writer = new BatchWriter();
  let batch = stagedRows(plan.entity, plan.fields, plan.insertOnlyFields);
  let records: (readonly string[])[] = [];
  let keys = new Set<string>();

  const flush = async (): Promise<void> => {
    const rows = batch;
    const sources = records;
    batch = stagedRows(plan.entity, plan.fields, plan.insertOnlyFields);
    records = [];
    keys = new Set();
    if (rows.values.length > 0) await writer.submit(() => write(rows, sources));
  };

  const write = async (rows: StagedRows, sources: (readonly string[])[]): Promise<void> => {
    const outcome = await session.upsert(rows);
    counts.inserted += outcome.inserted;
    counts.updated += outcome.updated;
    counts.unchanged += outcome.unchanged;
    for (const rejection of outcome.rejected) {
      const column = plan.targets.find((t) => t.field.name === rejection.field)?.column ?? rejection.field;
      tally.reject(rows.lines[rejection.index] ?? 0, sources[rejection.index] ?? [], [{ column, value: rejection.value, reason: rejection.reason }]);
    }
  };

  for await (const chunk of chunks) {
    for (const { line, record } of chunk) {
      tally.rowsRead++;
      const result = validateImportRow(plan, record);
      if (!result.ok) {
        tally.reject(line, record, result.problems);
        continue;
      }
      const key = plan.keyPositions.map((p) => result.values[p] ?? "").join("\u0001");
      if (keys.has(key) || batch.values.length >= batchSize) await flush();
      keys.add(key);
      batch.lines.push(line);
      batch.values.push(result.values);
      records.push(record);
    }
    tally.progress();
  }
  await flush();
  await writer.drain();
  tally.progress();
  return counts;
}
