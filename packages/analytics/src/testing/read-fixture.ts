import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Test support only: the text of a file in packages/analytics/test-fixtures. */
export function readFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url)), "utf8");
}

/** Test support only: a CSV fixture with a header row, as one number column per header name. */
export function readCsvColumns(name: string): Record<string, number[]> {
  const lines = readFixture(name).trim().split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((h) => h.replaceAll('"', ""));
  const columns: Record<string, number[]> = Object.fromEntries(header.map((h) => [h, []]));
  for (const line of lines.slice(1)) {
    line.split(",").forEach((cell, i) => columns[header[i]!]!.push(Number(cell.replaceAll('"', ""))));
  }
  return columns;
}
