import { invalidInput, type AppError } from "@tenure/shared";

/** Where a bad cell is: file, 1-based line and column name. */
export interface CellPlace {
  file: string;
  line: number;
  column: string;
}

/** The one error for a bad cell: `<file> line <n>, column "<name>": <problem>`. */
export function cellError(place: CellPlace, problem: string): AppError {
  return invalidInput(place.column, `${place.file} line ${place.line}, column "${place.column}": ${problem}`, { line: place.line, column: place.column });
}

/** The cell as a number ≥ 0, or the error naming line and column. */
export function nonNegativeCell(text: string | undefined, place: CellPlace): number {
  if (text === undefined) throw cellError(place, "missing (the line has fewer cells than the header)");
  const value = Number(text);
  if (!Number.isFinite(value) || text.trim() === "") {
    throw cellError(place, text.trim() === "" ? "empty, expected a number" : `"${text}" is not a number`);
  }
  if (value < 0) throw cellError(place, `must not be negative, got ${text.trim()}`);
  return value;
}

/** The cell as a whole number ≥ 0, or the error naming line and column. */
export function wholeCell(text: string | undefined, place: CellPlace): number {
  const value = nonNegativeCell(text, place);
  if (!Number.isInteger(value)) throw cellError(place, `must be a whole number, got ${text?.trim()}`);
  return value;
}
