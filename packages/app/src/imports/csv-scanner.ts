/** One data record of a file and the line it starts on (1 = the header). */
export interface CsvRecord {
  readonly line: number;
  readonly record: string[];
}

/** Why a text is not CSV, and where: the line where the problem was found and the line its record starts on. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  readonly recordLine: number;
  readonly code: "quote_not_closed" | "invalid_closing_quote" | "invalid_opening_quote" | "record_length";

  constructor(code: CsvSyntaxError["code"], message: string, line: number, recordLine: number) {
    super(message);
    this.code = code;
    this.line = line;
    this.recordLine = recordLine;
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * An RFC 4180 reader fed with text in pieces: `push` returns the records
 * completed so far (a record cut by the end of a piece waits for the next),
 * `end` the last one. Rows are split with indexOf on the whole line when it
 * holds no quote (the common case), character by character otherwise.
 * Strict like csv-parse's defaults: a quote may only open a field and must be
 * followed by the delimiter or the end of the line when it closes it, every
 * record has as many fields as the first, an empty line is skipped, a UTF-8
 * BOM is dropped. Each record carries the physical line it starts on, counting
 * the line breaks inside quoted fields.
 */
export class CsvScanner {
  readonly #delimiter: string;
  readonly #delimiterCode: number;
  #pending = "";
  #line = 1;
  #width = -1;
  #started = false;

  constructor(delimiter: "," | "\t") {
    this.#delimiter = delimiter;
    this.#delimiterCode = delimiter.charCodeAt(0);
  }

  push(text: string): CsvRecord[] {
    return this.#scan(this.#pending === "" ? text : this.#pending + text, false);
  }

  end(): CsvRecord[] {
    return this.#scan(this.#pending, true);
  }

  #scan(input: string, last: boolean): CsvRecord[] {
    let text = input;
    if (!this.#started) {
      if (text.length === 0 && !last) return [];
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const records: CsvRecord[] = [];
    const length = text.length;
    let start = 0;
    let quote = -1; // the next quote at or after start (length: none), found once per quote rather than per line
    while (start < length) {
      let lineEnd = text.indexOf("\n", start);
      if (lineEnd < 0) {
        if (!last) break;
        lineEnd = length;
      }
      if (quote < start) {
        quote = text.indexOf('"', start);
        if (quote < 0) quote = length;
      }
      let record: string[];
      let next: number;
      const line = this.#line;
      if (quote > lineEnd) {
        const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
        next = lineEnd + 1;
        this.#line++;
        if (end === start) {
          start = next;
          continue; // an empty line
        }
        record = this.#split(text, start, end);
      } else {
        const quoted = this.#quoted(text, start, last);
        if (quoted === null) break; // the record goes on in the next piece
        record = quoted.record;
        next = quoted.next;
      }
      if (this.#width < 0) this.#width = record.length;
      else if (record.length !== this.#width) {
        throw new CsvSyntaxError("record_length", `expected ${this.#width} fields as in the header, found ${record.length}`, line, line);
      }
      records.push({ line, record });
      start = next;
    }
    this.#pending = start >= length ? "" : text.slice(start);
    return records;
  }

  /** The fields of text[start, end), which holds no quote. */
  #split(text: string, start: number, end: number): string[] {
    const fields: string[] = [];
    let from = start;
    for (;;) {
      const at = text.indexOf(this.#delimiter, from);
      if (at < 0 || at >= end) {
        fields.push(text.slice(from, end));
        return fields;
      }
      fields.push(text.slice(from, at));
      from = at + 1;
    }
  }

  /** A record with quotes from `start`, or null when the text ends inside it (and more may come). */
  #quoted(text: string, start: number, last: boolean): { record: string[]; next: number } | null {
    const recordLine = this.#line;
    let line = recordLine;
    const fields: string[] = [];
    const length = text.length;
    let i = start;
    for (;;) {
      // At the start of a field.
      if (i < length && text.charCodeAt(i) === QUOTE) {
        let value = "";
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            if (!last) return null;
            throw new CsvSyntaxError("quote_not_closed", "a quoted field is not closed before the end of the file", line + countLines(text, from, length), recordLine);
          }
          line += countLines(text, from, close);
          if (close + 1 >= length && !last) return null; // cannot tell "" from the closing quote yet
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          i = close + 1;
          break;
        }
        fields.push(value);
        const c = i < length ? text.charCodeAt(i) : -1; // -1: the end of the file (a piece ending here returned null above)
        if (c === this.#delimiterCode) {
          i++;
          continue;
        }
        if (c === CR && i + 1 >= length && !last) return null;
        const lineBreak = c === LF || c === -1 ? 1 : c === CR && (i + 1 >= length || text.charCodeAt(i + 1) === LF) ? 2 : 0;
        if (lineBreak > 0) {
          this.#line = line + 1;
          return { record: fields, next: Math.min(i + lineBreak, length) };
        }
        throw new CsvSyntaxError("invalid_closing_quote", `a closing quote is followed by ${JSON.stringify(text[i])} instead of a delimiter or the end of the line`, line, recordLine);
      }
      // An unquoted field: up to the next delimiter or line end, with no quote inside.
      let end = i;
      for (; end < length; end++) {
        const c = text.charCodeAt(end);
        if (c === this.#delimiterCode || c === LF) break;
        if (c === QUOTE) throw new CsvSyntaxError("invalid_opening_quote", "a quote inside an unquoted field (quote the whole field and double the quote)", line, recordLine);
      }
      if (end >= length && !last) return null;
      const c = end < length ? text.charCodeAt(end) : -1;
      const valueEnd = c !== this.#delimiterCode && end > i && text.charCodeAt(end - 1) === CR ? end - 1 : end;
      fields.push(text.slice(i, valueEnd));
      if (c === this.#delimiterCode) {
        i = end + 1;
        continue;
      }
      this.#line = line + 1;
      return { record: fields, next: end + 1 };
    }
  }
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1)) n++;
  return n;
}
