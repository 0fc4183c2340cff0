import { StringDecoder } from "node:string_decoder";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { AppError } from "@tenure/shared";
import { CsvScanner, CsvSyntaxError, type CsvRecord } from "./csv-scanner.ts";

export type { CsvRecord } from "./csv-scanner.ts";

/** A file opened for reading: its header, the delimiter found, and its records in chunks. */
export interface CsvRecords {
  readonly header: string[];
  readonly delimiter: "," | "\t";
  /** Records in file order, one array per piece of the file read (stream order, flat memory). */
  readonly chunks: AsyncIterable<CsvRecord[]>;
}

/**
 * Read a CSV or TSV byte stream: gunzips it when it starts with the gzip
 * magic bytes, picks tab or comma from the header line, and splits it into
 * records with CsvScanner. A file that is not valid CSV (unbalanced quote,
 * wrong number of columns) raises an invalid_input AppError naming the line.
 */
export async function readCsvRecords(source: AsyncIterable<Buffer | string>): Promise<CsvRecords> {
  const raw = await peekable(source);
  const gzipped = raw.head.length >= 2 && raw.head[0] === 0x1f && raw.head[1] === 0x8b;
  // pipeline (not pipe) so that a failing source destroys the next stage with its error instead of leaving it waiting.
  const bytes = gzipped ? await peekable(pipeline(Readable.from(raw.all()), createGunzip({ chunkSize: 1 << 16 }), () => undefined), true) : raw;
  const delimiter = detectDelimiter(bytes.head);
  const iterator = scan(bytes, new CsvScanner(delimiter));
  let first: CsvRecord | undefined;
  let rest: CsvRecord[] = [];
  while (first === undefined) {
    const next = await iterator.next();
    if (next.done) throw new AppError("import_file_empty", "invalid_input", "The file is empty: expected a header line naming the columns");
    [first, ...rest] = next.value;
  }
  const header = first.record.map((h) => h.trim());
  async function* chunks(): AsyncGenerator<CsvRecord[]> {
    if (rest.length > 0) yield rest;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { header, delimiter, chunks: chunks() };
}

/** The records of the decoded bytes, one array per piece read (empty arrays left out). */
async function* scan(bytes: Peeked, scanner: CsvScanner): AsyncGenerator<CsvRecord[]> {
  const decoder = new StringDecoder("utf8");
  try {
    for await (const piece of bytes.all()) {
      const records = scanner.push(decoder.write(piece));
      if (records.length > 0) yield records;
    }
    const records = scanner.push(decoder.end());
    const last = [...records, ...scanner.end()];
    if (last.length > 0) yield last;
  } catch (error) {
    throw readError(error);
  }
}

function detectDelimiter(head: Buffer): "," | "\t" {
  const text = head.toString("utf8");
  const end = text.indexOf("\n");
  const firstLine = end >= 0 ? text.slice(0, end) : text;
  const count = (c: string): number => firstLine.split(c).length - 1;
  return count("\t") > count(",") ? "\t" : ",";
}

interface Peeked {
  /** At least the first line (or the whole input when shorter). */
  readonly head: Buffer;
  all(): AsyncGenerator<Buffer>;
}

/** Read just enough of a stream to look at its start, then replay it whole. */
async function peekable(source: AsyncIterable<Buffer | string>, decoded = false): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  try {
    while (!done) {
      const next = await iterator.next();
      if (next.done) done = true;
      else {
        const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
        seen.push(chunk);
        length += chunk.length;
        if (!decoded ? length >= 2 : chunk.includes(0x0a) || length >= 1 << 20) break;
      }
    }
  } catch (error) {
    throw readError(error);
  }
  return {
    head: Buffer.concat(seen),
    async *all() {
      yield* seen;
      if (done) return;
      for (;;) {
        let next: IteratorResult<Buffer | string>;
        try {
          next = await iterator.next();
        } catch (error) {
          throw readError(error);
        }
        if (next.done) return;
        yield typeof next.value === "string" ? Buffer.from(next.value) : next.value;
      }
    },
  };
}

function readError(error: unknown): Error {
  if (error instanceof AppError) return error;
  if (error instanceof CsvSyntaxError) {
    // An unclosed quote is noticed lines later; name where the record began too.
    const start = error.recordLine < error.line ? ` (in the record that starts at line ${error.recordLine})` : "";
    return new AppError("import_file_unreadable", "invalid_input", `The file cannot be read as CSV at line ${error.line}${start}: ${error.message}`, {
      line: error.recordLine,
      csvCode: error.code,
    });
  }
  if (error instanceof Error && "code" in error && (error.code === "Z_DATA_ERROR" || error.code === "Z_BUF_ERROR")) {
    return new AppError("import_file_unreadable", "invalid_input", `The file looks gzip-compressed but cannot be decompressed: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
