import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { CsvError, Parser } from "csv-parse";
import { AppError } from "@tenure/shared";

/** One data record of a file and the line it starts on (1 = the header). */
export interface CsvRecord {
  readonly line: number;
  readonly record: string[];
}

/** A file opened for reading: its header, the delimiter found, and its records in chunks. */
export interface CsvRecords {
  readonly header: string[];
  readonly delimiter: "," | "\t";
  /** Records in file order, a few hundred at a time (stream order, flat memory). */
  readonly chunks: AsyncIterable<CsvRecord[]>;
}

// csv-parse pushes each record synchronously while its `info.lines` is the
// record's last line; wrapping push here is the cheap way to keep it (the
// `info` option copies an object per record and costs ~40% more time).
class NumberedParser extends Parser {
  /** Last line of the last record read: an error is in the record that starts after it. */
  lastRecordEnd = 0;

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) return super.push(null, encoding);
    const record = chunk as string[];
    let line = this.info.lines;
    this.lastRecordEnd = line;
    for (const field of record) {
      if (field.includes("\n")) line -= field.split("\n").length - 1;
    }
    return super.push({ line, record } satisfies CsvRecord, encoding);
  }
}

/**
 * Read a CSV or TSV byte stream: gunzips it when it starts with the gzip
 * magic bytes, picks tab or comma from the header line, and parses it with
 * csv-parse. A file that is not valid CSV (unbalanced quote, wrong number of
 * columns) raises an invalid_input AppError naming the line.
 */
export async function readCsvRecords(source: AsyncIterable<Buffer | string>): Promise<CsvRecords> {
  const raw = await peekable(source);
  const gzipped = raw.head.length >= 2 && raw.head[0] === 0x1f && raw.head[1] === 0x8b;
  // pipeline (not pipe) so that a failing source destroys the next stage with its error instead of leaving it waiting.
  const bytes = gzipped ? await peekable(pipeline(Readable.from(raw.all()), createGunzip(), () => undefined), true) : raw;
  const delimiter = detectDelimiter(bytes.head);
  const parser = new NumberedParser({ delimiter, bom: true, skip_empty_lines: true });
  pipeline(Readable.from(bytes.all()), parser, () => undefined);
  const iterator = chunksOf(parser);
  const first = await iterator.next();
  if (first.done || first.value.length === 0) throw new AppError("import_file_empty", "invalid_input", "The file is empty: expected a header line naming the columns");
  const [headerRecord, ...rest] = first.value;
  const header = (headerRecord?.record ?? []).map((h) => h.trim());
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

/** Records as they come, in arrays (one per readable burst), ending with a readable error. */
async function* chunksOf(parser: NumberedParser): AsyncGenerator<CsvRecord[]> {
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    wake?.();
    wake = null;
  };
  parser.on("readable", signal);
  parser.on("end", () => {
    ended = true;
    signal();
  });
  parser.on("error", (error) => {
    failure = error;
    signal();
  });
  for (;;) {
    const chunk: CsvRecord[] = [];
    let item: CsvRecord | null;
    while (chunk.length < 2000 && (item = parser.read() as CsvRecord | null) !== null) chunk.push(item);
    if (chunk.length > 0) {
      yield chunk;
      continue;
    }
    if (failure !== null) throw readError(failure, parser.lastRecordEnd + 1);
    if (ended) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

function readError(error: unknown, recordStart?: number): Error {
  if (error instanceof CsvError) {
    const line = typeof error.lines === "number" ? error.lines : undefined;
    // An unclosed quote is noticed lines later; name where the record began too.
    const start = recordStart !== undefined && line !== undefined && recordStart < line ? ` (in the record that starts at line ${recordStart})` : "";
    return new AppError("import_file_unreadable", "invalid_input", `The file cannot be read as CSV at line ${line ?? "?"}${start}: ${error.message}`, {
      line: recordStart !== undefined && line !== undefined ? Math.min(recordStart, line) : line,
      csvCode: error.code,
    });
  }
  if (error instanceof Error && "code" in error && (error.code === "Z_DATA_ERROR" || error.code === "Z_BUF_ERROR")) {
    return new AppError("import_file_unreadable", "invalid_input", `The file looks gzip-compressed but cannot be decompressed: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
