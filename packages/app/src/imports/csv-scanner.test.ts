import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CsvScanner, CsvSyntaxError, type CsvRecord } from "./csv-scanner.ts";

/** All records of `text` fed in pieces of `size` characters. */
function scanAll(text: string, size: number, delimiter: "," | "\t" = ","): CsvRecord[] {
  const scanner = new CsvScanner(delimiter);
  const records: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) records.push(...scanner.push(text.slice(i, i + size)));
  records.push(...scanner.end());
  return records;
}

function failure(text: string, size = text.length): CsvSyntaxError {
  try {
    scanAll(text, size);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error("no error");
}

const tricky = [
  "id,name,notes",
  'a1,"Smith, Ada","said ""hi""\r\nthen left"',
  "a2,Bob,",
  "",
  'a3,"",plain',
  '"a4","x\n\ny",z',
  "a5,last,\r",
  "",
].join("\n");

describe("CsvScanner", () => {
  it("reads the same records as csv-parse, whatever the pieces' size", () => {
    const expected = (parse(tricky, { bom: true, skip_empty_lines: true }) as string[][]).map((r) => r.map((f) => f.replace(/\r$/, "")));
    for (const size of [1, 2, 3, 7, 64, tricky.length]) {
      expect(scanAll(tricky, size).map((r) => r.record)).toEqual(expected);
    }
  });

  it("gives each record the physical line it starts on, counting line breaks inside quotes and empty lines", () => {
    expect(scanAll(tricky, 5).map((r) => r.line)).toEqual([1, 2, 4, 6, 7, 10]);
  });

  it("drops a BOM and reads tabs", () => {
    expect(scanAll("\uFEFFa\tb\n1\t2 3\n", 2, "\t").map((r) => r.record)).toEqual([["a", "b"], ["1", "2 3"]]);
  });

  it("names the line of a record with the wrong number of fields", () => {
    const error = failure("a,b\n1,2\n\n3,4,5\n", 3);
    expect([error.code, error.line, error.recordLine]).toEqual(["record_length", 4, 4]);
  });

  it("names where an unclosed quote starts and where it is found", () => {
    const error = failure('a,b\n1,"open\n2,3\n4,5\n', 4);
    expect([error.code, error.line, error.recordLine]).toEqual(["quote_not_closed", 5, 2]);
    const closing = failure('a,b\n1,"open\n2,"x"y\n');
    expect([closing.code, closing.line, closing.recordLine]).toEqual(["invalid_closing_quote", 3, 2]);
  });

  it("refuses a quote inside an unquoted field", () => {
    const error = failure('a,b\n1,x"y\n');
    expect([error.code, error.line]).toEqual(["invalid_opening_quote", 2]);
  });
});
