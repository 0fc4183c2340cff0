import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runCli } from "../../testing/run-cli.ts";
import { cdnowSummaryArgs, cdnowTransactionArgs, clvFixture, tempFile } from "./clv-test-files.ts";

interface FitJson {
  model: string;
  params: Record<string, number>;
  standardErrors: Record<string, number | null>;
  logLikelihood: number;
  converged: boolean;
  customers: number;
  rows: number;
}

async function fitJson(args: readonly string[]): Promise<FitJson> {
  const run = await runCli(["clv", "fit", ...args, "--json"]);
  expect(run.stderr).toEqual([]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toHaveLength(1);
  return JSON.parse(run.stdout[0]!) as FitJson;
}

describe("tenure clv fit", () => {
  it("reproduces the published BG/NBD fit of the CDNOW summary (Fader, Hardie & Lee 2005)", async () => {
    const fit = await fitJson([clvFixture("BTYD_cdnowSummary_cbs.csv"), ...cdnowSummaryArgs, "--model", "bgnbd"]);
    expect(Object.keys(fit)).toEqual(["model", "params", "standardErrors", "logLikelihood", "converged", "customers", "rows"]);
    expect(fit.model).toBe("bgnbd");
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 2);
    expect(fit.params.a).toBeCloseTo(0.793, 2);
    expect(fit.params.b).toBeCloseTo(2.426, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    expect(fit.rows).toBeGreaterThan(100);
    expect(fit.rows).toBeLessThan(2357);
  });

  it("names each model's parameters as documented", async () => {
    const cdnow = [clvFixture("BTYD_cdnowSummary_cbs.csv"), ...cdnowSummaryArgs];
    const cases: [string[], string, string[]][] = [
      [cdnow, "bgnbd", ["r", "alpha", "a", "b"]],
      [cdnow, "mbgnbd", ["r", "alpha", "a", "b"]],
      [cdnow, "pareto-nbd", ["r", "alpha", "s", "beta"]],
      [[clvFixture("donations.csv"), "--input", "summary"], "bgbb", ["alpha", "beta", "gamma", "delta"]],
      [[clvFixture("sbg_paper_cohorts.csv"), "--input", "summary"], "sbg", ["alpha", "beta"]],
      [[clvFixture("CDNOW_sample.txt"), ...cdnowTransactionArgs], "gamma-gamma", ["p", "q", "gamma"]],
    ];
    for (const [args, model, names] of cases) {
      const fit = await fitJson([...args, "--model", model]);
      expect(fit.model).toBe(model);
      expect(Object.keys(fit.params)).toEqual(names);
      expect(Object.keys(fit.standardErrors)).toEqual(names);
      expect(fit.converged).toBe(true);
    }
  });

  it("fits the donations with their weights (Fader, Hardie & Shang 2010) from CSV, TSV and gzip alike", async () => {
    const csv = readFileSync(clvFixture("donations.csv"), "utf8");
    const plain = await fitJson([clvFixture("donations.csv"), "--input", "summary", "--model", "bgbb"]);
    expect(plain.customers).toBe(11104);
    expect(plain.rows).toBe(22);
    expect(plain.params.alpha).toBeCloseTo(1.204, 2);
    expect(plain.params.delta).toBeCloseTo(2.783, 1);
    const tsv = await fitJson([tempFile("donations.tsv", csv.replaceAll(",", "\t")), "--input", "summary", "--model", "bgbb"]);
    const gz = await fitJson([tempFile("donations.csv.gz", gzipSync(csv)), "--input", "summary", "--model", "bgbb"]);
    expect(tsv).toEqual(plain);
    expect(gz).toEqual(plain);
  });

  it("prints a readable table with counts and holdout diagnostics for transactions with a calibration end", async () => {
    const run = await runCli(["clv", "fit", clvFixture("CDNOW_sample.txt"), ...cdnowTransactionArgs, "--model", "bgnbd"]);
    expect(run.exitCode).toBe(0);
    const text = run.stdout.join("\n");
    expect(text).toMatch(/parameter\s+estimate\s+std\. error/);
    expect(text).toMatch(/\n\s+r\s+0\.\d+\s+0\.\d+/);
    expect(text).toMatch(/log-likelihood\s+-9,2\d\d/);
    expect(text).toMatch(/customers\s+2,349/);
    expect(text).toMatch(/distinct rows\s+\d+/);
    expect(text).toMatch(/iterations\s+\d+ \(converged\)/);
    expect(text).toMatch(/repeat purchases, holdout \(39 weeks\)\s+actual 1,756, predicted 1,7\d\d/);
  });

  it("runs end to end through bin/tenure.mjs (smoke test)", () => {
    const bin = fileURLToPath(new URL("../../../../../bin/tenure.mjs", import.meta.url));
    const child = spawnSync(process.execPath, [bin, "clv", "fit", clvFixture("sbg_paper_cohorts.csv"), "--input", "summary", "--model", "sbg", "--json"], { encoding: "utf8" });
    expect(child.status).toBe(0);
    const fit = JSON.parse(child.stdout) as FitJson;
    expect(Object.keys(fit.params)).toEqual(["alpha", "beta"]);
    expect(fit.customers).toBe(2000);
  });
});
