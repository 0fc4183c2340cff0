import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Test support only: a file of packages/analytics/test-fixtures (published CLV data, see its README). */
export function clvFixture(name: string): string {
  return fileURLToPath(new URL(`../../../../../packages/analytics/test-fixtures/${name}`, import.meta.url));
}

/** Test support only: a fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "tenure-clv-"));
}

/** Test support only: write `content` to `name` in a fresh temporary directory and return its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** The CDNOW calibration summary with the column options its BTYD header needs. */
export const cdnowSummaryArgs = ["--input", "summary", "--frequency-col", "x", "--recency-col", "t.x", "--age-col", "T.cal"];

/** CDNOW_sample.txt (no header): customer in column 1, date in 3, dollars in 5; weekly, 39-week calibration. */
export const cdnowTransactionArgs = ["--customer-col", "1", "--date-col", "3", "--value-col", "5", "--period", "week", "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30"];
