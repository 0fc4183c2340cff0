import type { ClvData } from "./clv-data.ts";
import type { ClvInputOptions } from "./clv-input-options.ts";
import { cellError, nonNegativeCell, wholeCell, type CellPlace } from "./cell-error.ts";
import { GrowableColumn } from "./growable-column.ts";
import { readDelimitedFile, type ReadProgress } from "./read-delimited-file.ts";
import { resolveColumn } from "./resolve-columns.ts";

/**
 * Read a summary file (one row per customer, or per group with a weight
 * column) and check every row, stopping at the first bad cell with its line
 * and column: numbers ≥ 0, whole frequencies, recency ≤ T; for bgbb whole
 * numbers with frequency ≤ recency ≤ periods and recency 0 when frequency is
 * 0; for sbg whole numbers with 1 ≤ recency ≤ T.
 */
export async function readSummaryFile(file: string, options: ClvInputOptions, progress?: ReadProgress): Promise<ClvData> {
  const { model } = options;
  const needsFrequency = model !== "sbg";
  const needsAge = model !== "bgbb" && model !== "gamma-gamma";
  const needsRecency = model !== "gamma-gamma";
  let columns: readonly string[] = [];
  let at = { id: -1, frequency: -1, recency: -1, T: -1, monetary: -1, weight: -1 };
  const ids: (string | number)[] = [];
  const frequency = new GrowableColumn();
  const recency = new GrowableColumn();
  const age = new GrowableColumn();
  const monetary = new GrowableColumn();
  const weight = new GrowableColumn();

  const result = await readDelimitedFile(
    file,
    {
      columns(names, hasHeader) {
        columns = names;
        const col = (flag: string, given: string | undefined, defaults: readonly string[], required: boolean): number =>
          resolveColumn(names, hasHeader, { flag, given, defaults, required });
        at = {
          id: col("--customer-col", options.customerCol, ["customer_id", "id"], false),
          frequency: col("--frequency-col", options.frequencyCol, ["frequency"], needsFrequency),
          recency: col("--recency-col", options.recencyCol, ["recency"], needsRecency),
          T: model === "bgbb" ? col("--periods-col", options.periodsCol, ["periods"], true) : col("--age-col", options.ageCol, ["T"], needsAge),
          monetary: col("--monetary-col", options.monetaryCol, ["monetary_value"], model === "gamma-gamma"),
          weight: col("--weight-col", options.weightCol, ["weight", "weights"], false),
        };
      },
      row(cells, line) {
        const place = (index: number): CellPlace => ({ file, line, column: columns[index] ?? String(index + 1) });
        const read = (index: number, whole: boolean): number => (index < 0 ? 0 : whole ? wholeCell(cells[index], place(index)) : nonNegativeCell(cells[index], place(index)));
        const discrete = model === "bgbb" || model === "sbg";
        const x = read(at.frequency, true);
        const tx = read(at.recency, discrete);
        const T = read(at.T, discrete);
        if (model === "sbg") {
          if (tx < 1) throw cellError(place(at.recency), `the period of churn must be at least 1, got ${tx}`);
          if (tx > T) throw cellError(place(at.recency), `recency ${tx} is greater than T ${T} (recency = T means still active)`);
        } else if (model === "bgbb") {
          if (tx > T) throw cellError(place(at.recency), `recency ${tx} is greater than periods ${T}`);
          if (x > tx) throw cellError(place(at.frequency), `frequency ${x} is greater than recency ${tx} (the opportunity of the last purchase)`);
          if (x === 0 && tx !== 0) throw cellError(place(at.recency), `recency must be 0 when frequency is 0, got ${tx}`);
        } else if (at.recency >= 0 && at.T >= 0 && tx > T) {
          throw cellError(place(at.recency), `recency ${tx} is greater than T ${T}`);
        }
        frequency.push(x);
        recency.push(tx);
        age.push(T);
        if (at.monetary >= 0) monetary.push(read(at.monetary, false));
        if (at.weight >= 0) weight.push(read(at.weight, false));
        ids.push(at.id >= 0 ? (cells[at.id] ?? "") : line);
      },
    },
    progress,
  );
  return {
    file,
    input: "summary",
    unit: "period",
    customerIds: ids,
    frequency: frequency.toArray(),
    recency: recency.toArray(),
    T: age.toArray(),
    monetary: at.monetary >= 0 ? monetary.toArray() : null,
    weight: at.weight >= 0 ? weight.toArray() : null,
    holdout: null,
    transactions: null,
    lines: result.rows,
    skipped: { withoutCustomer: 0, nonPositive: 0, afterEnd: 0 },
  };
}
