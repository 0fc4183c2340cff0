import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../testing/run-cli.ts";
import { cdnowTransactionArgs, clvFixture, tempDir } from "./clv-test-files.ts";

function readCsv(path: string): { header: string[]; rows: string[][] } {
  const [header = "", ...lines] = readFileSync(path, "utf8").trimEnd().split("\n");
  return { header: header.split(","), rows: lines.map((l) => l.split(",")) };
}

describe("tenure clv score", () => {
  it("writes one row per customer with P(alive) in [0, 1] and CLV from spend", async () => {
    const out = join(tempDir(), "scores.csv");
    const run = await runCli(["clv", "score", clvFixture("CDNOW_sample.txt"), ...cdnowTransactionArgs, "--model", "bgnbd", "--horizon", "52", "--discount-rate", "0.0018", "--out", out]);
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout[0]).toMatch(/^Wrote 2,349 customers to .*scores\.csv \(BG\/NBD \+ Gamma-Gamma, horizon 52 weeks\)/);
    const { header, rows } = readCsv(out);
    expect(header).toEqual(["customer_id", "frequency", "recency", "T", "monetary", "p_alive", "expected_purchases", "expected_spend", "clv"]);
    expect(rows).toHaveLength(2349);
    expect(new Set(rows.map((r) => r[0])).size).toBe(2349);
    for (const row of rows) {
      const [pAlive, purchases, spend, clv] = row.slice(5).map(Number) as [number, number, number, number];
      expect(pAlive).toBeGreaterThanOrEqual(0);
      expect(pAlive).toBeLessThanOrEqual(1);
      expect(purchases).toBeGreaterThanOrEqual(0);
      expect(spend).toBeGreaterThan(0);
      expect(clv).toBeGreaterThanOrEqual(0);
    }
    // A customer who has not bought for months is less likely alive than a recent one with the same frequency.
    const byId = new Map(rows.map((r) => [r[0], r]));
    expect(Number(byId.get("00021")![5])).toBeLessThan(Number(byId.get("00004")![5]));
  });

  it("scores from a saved fit (--params) exactly as from a fresh fit", async () => {
    const dir = tempDir();
    const file = clvFixture("donations.csv");
    const fit = await runCli(["clv", "fit", file, "--input", "summary", "--model", "bgbb", "--json"]);
    const paramsPath = join(dir, "fit.json");
    (await import("node:fs")).writeFileSync(paramsPath, fit.stdout[0]!);
    const fresh = await runCli(["clv", "score", file, "--input", "summary", "--model", "bgbb", "--horizon", "5", "--out", join(dir, "a.csv")]);
    const loaded = await runCli(["clv", "score", file, "--input", "summary", "--params", paramsPath, "--horizon", "5", "--out", join(dir, "b.csv")]);
    expect(fresh.exitCode).toBe(0);
    expect(loaded.exitCode).toBe(0);
    const a = readCsv(join(dir, "a.csv"));
    expect(a.header.at(-1)).toBe("weight");
    expect(a.rows).toHaveLength(22);
    expect(readFileSync(join(dir, "b.csv"), "utf8")).toBe(readFileSync(join(dir, "a.csv"), "utf8"));
    const mismatch = await runCli(["clv", "score", file, "--input", "summary", "--model", "bgnbd", "--params", paramsPath, "--horizon", "5", "--out", join(dir, "c.csv")]);
    expect(mismatch).toMatchObject({ exitCode: 1, stderr: ["error: --model bgnbd does not match the fit in --params (bgbb)"] });
  });

  it("refuses a model that does not predict purchases", async () => {
    const run = await runCli(["clv", "score", clvFixture("sbg_paper_cohorts.csv"), "--input", "summary", "--model", "sbg", "--horizon", "3", "--out", join(tempDir(), "x.csv")]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr[0]).toMatch(/^error: score and report need a purchase model/);
  });
});
