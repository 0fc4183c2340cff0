import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, gunzipSync } from "node:zlib";
import { parse as parseSync } from "csv-parse/sync";
import { AppError, invalidInput } from "@tenure/shared";

/** How the cells of a line are separated: detected from the first line. */
export type Delimiter = "," | "\t" | "whitespace";

/** Receives the file's column names once, then every data row with its 1-based line number. */
export interface RowVisitor {
  /** Column names; for a file without a header row, "1", "2", … (1-based positions). */
  columns(names: readonly string[], hasHeader: boolean): void;
  row(cells: readonly string[], line: number): void;
}

export interface ReadDelimitedFileResult {
  delimiter: Delimiter;
  hasHeader: boolean;
  /** Data rows visited. */
  rows: number;
}

/** Called with the bytes of the (compressed) file read so far, for a progress bar. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

/**
 * Stream a delimited text file, plain or gzip (detected from its magic bytes,
 * not its name), into `visitor`. The delimiter is a tab or a comma when the
 * first line holds one, else runs of spaces (the CDNOW files). The first line
 * is a header unless every one of its cells is a number (CDNOW_sample.txt has
 * no header). Comma and tab lines are split by hand, with csv-parse for lines
 * holding quotes (CRLF and BOM handled); whitespace files go through
 * readline, split on runs of blanks.
 */
export async function readDelimitedFile(path: string, visitor: RowVisitor, progress?: ReadProgress): Promise<ReadDelimitedFileResult> {
  const info = await stat(path).catch(() => {
    throw new AppError("file_not_found", "not_found", `cannot read ${path}: no such file`, { field: "file" });
  });
  if (info.isDirectory()) throw invalidInput("file", `${path} is a directory, not a CSV file`);
  const gzip = await isGzip(path);
  const firstLine = await readFirstLine(path, gzip);
  if (firstLine.trim() === "") throw invalidInput("file", `${path} is empty: expected a header line and at least one data row`, { line: 1 });
  const delimiter: Delimiter = firstLine.includes("\t") ? "\t" : firstLine.includes(",") ? "," : "whitespace";
  const firstCells = splitCells(firstLine, delimiter);
  const hasHeader = !firstCells.every((cell) => cell.trim() !== "" && Number.isFinite(Number(cell)));
  visitor.columns(hasHeader ? firstCells.map((c) => c.trim()) : firstCells.map((_, i) => String(i + 1)), hasHeader);

  const raw = createReadStream(path);
  if (progress) {
    let read = 0;
    raw.on("data", (chunk) => {
      read += chunk.length;
      progress(read, info.size);
    });
  }
  const input: Readable = gzip ? raw.pipe(createGunzip()) : raw;
  const rows = delimiter === "whitespace" ? await visitWhitespace(input, visitor, hasHeader) : await visitCsv(input, delimiter, visitor, hasHeader, path);
  if (rows === 0) throw invalidInput("file", `${path} has no data rows${hasHeader ? " (only a header line)" : ""}`, { line: hasHeader ? 2 : 1 });
  return { delimiter, hasHeader, rows };
}

/**
 * Comma and tab files, split by hand line by line: measured 4.5 s of CPU in
 * csv-parse for a 1M-row summary against well under 1 s this way (see
 * bench/clv-cli.bench.ts). A line holding a double quote goes through
 * csv-parse's sync parser on its own, so quoted cells still read correctly;
 * a quoted cell spanning lines is reported as an error on its line.
 */
async function visitCsv(input: Readable, delimiter: "," | "\t", visitor: RowVisitor, hasHeader: boolean, path: string): Promise<number> {
  let rows = 0;
  let line = 0;
  let rest = "";
  const decoder = new StringDecoder("utf8");
  const visitLine = (text: string): void => {
    line++;
    if (line === 1 && hasHeader) return;
    const clean = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (clean === "" || (line === 1 && clean.replace(/^\uFEFF/, "") === "")) return;
    let cells: string[];
    if (clean.includes('"')) {
      try {
        cells = parseSync(clean, { delimiter, bom: true, relax_quotes: false })[0] ?? [];
      } catch (error) {
        throw invalidInput("file", `${path} line ${line}: ${error instanceof Error ? error.message : String(error)}`, { line });
      }
    } else {
      cells = clean.split(delimiter);
    }
    if (line === 1 && cells[0] !== undefined) cells[0] = cells[0].replace(/^\uFEFF/, "");
    visitor.row(cells, line);
    rows++;
  };
  try {
    for await (const chunk of input) {
      const text = rest + decoder.write(chunk as Buffer);
      let from = 0;
      for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", from)) {
        visitLine(text.slice(from, at));
        from = at + 1;
      }
      rest = text.slice(from);
    }
  } catch (error) {
    throw (error as { code?: unknown }).code === "Z_DATA_ERROR" ? invalidInput("file", `${path} is not a valid gzip file`) : error;
  } finally {
    input.destroy();
  }
  rest += decoder.end();
  if (rest !== "") visitLine(rest);
  return rows;
}

async function visitWhitespace(input: Readable, visitor: RowVisitor, hasHeader: boolean): Promise<number> {
  let rows = 0;
  let line = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const text of lines) {
      line++;
      if ((hasHeader && line === 1) || text.trim() === "") continue;
      visitor.row(splitCells(text, "whitespace"), line);
      rows++;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  return rows;
}

function splitCells(line: string, delimiter: Delimiter): string[] {
  if (delimiter === "whitespace") return line.trim().split(/\s+/);
  // Header and delimiter sniffing only; data rows are split by csv-parse.
  return line.replace(/^\uFEFF/, "").replace(/\r$/, "").split(delimiter).map((cell) => cell.replace(/^"(.*)"$/, "$1"));
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The first non-empty line, from the first 64 KiB (decompressed when gzip). */
async function readFirstLine(path: string, gzip: boolean): Promise<string> {
  const handle = await open(path, "r");
  let text: string;
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    text = gzip ? gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH: a truncated stream is fine */ }).toString("utf8") : head.toString("utf8");
  } finally {
    await handle.close();
  }
  const line = text.replace(/^\uFEFF/, "").split("\n").find((l) => l.trim() !== "");
  return (line ?? "").replace(/\r$/, "");
}
