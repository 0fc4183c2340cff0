import { describe, expect, it } from "vitest";
import { runCli } from "../../testing/run-cli.ts";
import { tempFile } from "./clv-test-files.ts";

/** Fit `content` as a summary (or transactions) file and return the one stderr line and the exit code. */
async function fitError(name: string, content: string, extra: readonly string[] = ["--input", "summary", "--model", "bgnbd"]): Promise<{ path: string; exitCode: number; stderr: string[] }> {
  const path = tempFile(name, content);
  const run = await runCli(["clv", "fit", path, ...extra]);
  expect(run.stdout).toEqual([]);
  return { path, exitCode: run.exitCode, stderr: run.stderr };
}

describe("tenure clv: bad input gets one error line naming the line and column", () => {
  it("a non-numeric value", async () => {
    const run = await fitError("a.csv", "frequency,recency,T\n1,2,3\nmany,1,2\n");
    expect(run).toMatchObject({ exitCode: 1, stderr: [`error: ${run.path} line 3, column "frequency": "many" is not a number`] });
  });

  it("a negative value", async () => {
    const run = await fitError("b.csv", "frequency,recency,T\n1,-2,3\n");
    expect(run.stderr).toEqual([`error: ${run.path} line 2, column "recency": must not be negative, got -2`]);
  });

  it("recency greater than T", async () => {
    const run = await fitError("c.csv", "frequency,recency,T\n0,0,5\n2,7.5,6\n");
    expect(run.stderr).toEqual([`error: ${run.path} line 3, column "recency": recency 7.5 is greater than T 6`]);
  });

  it("a frequency that is not a whole number", async () => {
    const run = await fitError("d.csv", "frequency,recency,T\n1.5,2,3\n");
    expect(run.stderr).toEqual([`error: ${run.path} line 2, column "frequency": must be a whole number, got 1.5`]);
  });

  it("an empty cell", async () => {
    const run = await fitError("e.csv", "frequency,recency,T\n1,,3\n");
    expect(run.stderr).toEqual([`error: ${run.path} line 2, column "recency": empty, expected a number`]);
  });

  it("an empty file, and a header without rows", async () => {
    const empty = await fitError("f.csv", "");
    expect(empty).toMatchObject({ exitCode: 1, stderr: [`error: ${empty.path} is empty: expected a header line and at least one data row`] });
    const header = await fitError("g.csv", "frequency,recency,T\n");
    expect(header.stderr).toEqual([`error: ${header.path} has no data rows (only a header line)`]);
  });

  it("an unknown column, listing the columns found", async () => {
    const run = await fitError("h.csv", "frequency,recency,T\n1,2,3\n", ["--input", "summary", "--model", "bgnbd", "--recency-col", "last_seen"]);
    expect(run.stderr).toEqual(['error: unknown column "last_seen" for --recency-col; columns found: frequency, recency, T']);
    const missing = await fitError("i.csv", "x,recency,T\n1,2,3\n");
    expect(missing.stderr).toEqual(['error: no column "frequency" (name it with --frequency-col); columns found: x, recency, T']);
  });

  it("a bad date in a transaction file, and rows without a customer skipped and counted", async () => {
    const bad = await fitError("j.csv", "customer_id,date,value\nc1,2024-01-05,10\nc1,2024-13-40,5\n", ["--model", "bgnbd"]);
    expect(bad.stderr).toEqual([`error: ${bad.path} line 3, column "date": "2024-13-40" is not a date (use YYYY-MM-DD, an ISO timestamp or YYYYMMDD)`]);
    const path = tempFile("k.csv", "customer_id,date,value\nc1,2024-01-05,10\n,2024-01-06,3\nc1,2024-02-05,12\nc2,2024-01-10,4\nc2,2024-03-01,4\nc3,2024-03-02,9\n");
    const run = await runCli(["clv", "fit", path, "--model", "bgnbd"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.join("\n")).toMatch(/lines skipped\s+1 without a customer id/);
  });

  it("sBG rows: churn period outside 1..T", async () => {
    const run = await fitError("l.csv", "recency,T\n1,8\n9,8\n", ["--input", "summary", "--model", "sbg"]);
    expect(run.stderr).toEqual([`error: ${run.path} line 3, column "recency": recency 9 is greater than T 8 (recency = T means still active)`]);
  });
});
