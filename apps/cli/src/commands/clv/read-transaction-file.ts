import { summarizeTransactions } from "@tenure/analytics";
import type { ClvData } from "./clv-data.ts";
import { parseDate, type ClvInputOptions } from "./clv-input-options.ts";
import { cellError, nonNegativeCell } from "./cell-error.ts";
import { GrowableColumn } from "./growable-column.ts";
import { readDelimitedFile, type ReadProgress } from "./read-delimited-file.ts";
import { resolveColumn } from "./resolve-columns.ts";

/**
 * Read a transaction file (customer, date, value per line) and summarise it
 * per customer with the analytics package's `summarizeTransactions` (its
 * period, calibration and holdout rules). Lines without a customer id are
 * skipped and counted; a bad date or a non-numeric or negative value stops
 * the read with its line and column. Without a value column every line
 * counts as one purchase and there is no monetary value.
 */
export async function readTransactionFile(file: string, options: ClvInputOptions, progress?: ReadProgress): Promise<ClvData> {
  let columns: readonly string[] = [];
  let at = { customer: -1, date: -1, value: -1 };
  const ids: string[] = [];
  const times = new GrowableColumn();
  const values = new GrowableColumn();
  let withoutCustomer = 0;

  const result = await readDelimitedFile(
    file,
    {
      columns(names, hasHeader) {
        columns = names;
        at = {
          customer: resolveColumn(names, hasHeader, { flag: "--customer-col", given: options.customerCol, defaults: ["customer_id"], required: true }),
          date: resolveColumn(names, hasHeader, { flag: "--date-col", given: options.dateCol, defaults: ["date"], required: true }),
          value: resolveColumn(names, hasHeader, { flag: "--value-col", given: options.valueCol, defaults: ["value"], required: options.model === "gamma-gamma" }),
        };
      },
      row(cells, line) {
        const id = cells[at.customer]?.trim() ?? "";
        if (id === "") {
          withoutCustomer++;
          return;
        }
        const dateText = cells[at.date] ?? "";
        const time = parseDate(dateText);
        if (!Number.isFinite(time)) {
          throw cellError({ file, line, column: columns[at.date] ?? "" }, `"${dateText}" is not a date (use YYYY-MM-DD, an ISO timestamp or YYYYMMDD)`);
        }
        ids.push(id);
        times.push(time);
        values.push(at.value < 0 ? 1 : nonNegativeCell(cells[at.value], { file, line, column: columns[at.value] ?? "" }));
      },
    },
    progress,
  );

  const timeColumn = times.toArray();
  const valueColumn = values.toArray();
  const summary = summarizeTransactions(
    { customerIds: ids, times: timeColumn, values: valueColumn },
    {
      unit: options.period,
      ...(options.observationEnd ? { observationEnd: options.observationEnd } : {}),
      ...(options.calibrationEnd ? { calibrationEnd: options.calibrationEnd } : {}),
    },
  );
  return {
    file,
    input: "transactions",
    unit: options.period,
    customerIds: summary.customerIds,
    frequency: summary.frequency,
    recency: summary.recency,
    T: summary.T,
    monetary: at.value >= 0 ? summary.monetary : null,
    weight: null,
    holdout: summary.holdout ? { frequency: summary.holdout.frequency, length: summary.holdout.length } : null,
    transactions: {
      customerIds: ids,
      times: timeColumn,
      values: valueColumn,
      calibrationEnd: options.calibrationEnd ?? null,
      observationEnd: options.observationEnd ?? null,
    },
    lines: result.rows,
    skipped: { withoutCustomer: withoutCustomer + summary.skippedWithoutCustomer, nonPositive: summary.skippedNonPositive, afterEnd: summary.skippedAfterEnd },
  };
}
