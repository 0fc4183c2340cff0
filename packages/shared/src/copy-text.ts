// PostgreSQL's COPY text format, written by the storage layer and by the
// import worker thread (which prepares order lines' rows without a database).
const special = /[\\\t\n\r]/;

/** One value escaped for COPY text format (backslash, tab, newline, carriage return). */
export function escapeCopyValue(value: string): string {
  if (!special.test(value)) return value;
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/**
 * Rows in PostgreSQL COPY text format (tab-separated, `\N` for null, with
 * backslash escapes), each prefixed by its index and the given leading
 * columns (e.g. a new id).
 */
export function encodeCopyText(values: readonly (readonly (string | null)[])[], leading?: readonly string[]): string {
  let text = "";
  for (let i = 0; i < values.length; i++) {
    const row = values[i] ?? [];
    let line = leading ? `${i}\t${leading[i]}` : String(i);
    for (const value of row) line += value === null ? "\t\\N" : `\t${escapeCopyValue(value)}`;
    text += `${line}\n`;
  }
  return text;
}
