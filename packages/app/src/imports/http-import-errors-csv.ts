import type { ImportRejection } from "./import-tally.ts";

/** The first line of an errors file: the four columns of the rejection, then the file's own header. */
export function importErrorsCsvHeader(header: readonly string[]): string {
  return csvLine(["line", "column", "value", "reason", ...header]);
}

/** One line of an errors file: where, which column, the value, why, then the row as read. */
export function importRejectionCsvLine(rejection: ImportRejection): string {
  return csvLine([String(rejection.line), rejection.column, rejection.value, rejection.reason, ...rejection.record]);
}

// A cell a spreadsheet would run as a formula gets a leading apostrophe
// (OWASP CSV injection); a negative number such as -0.85 stays as it is.
function csvCell(value: string): string {
  const safe = /^[=+@\t\r]|^-(?![\d.])/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
