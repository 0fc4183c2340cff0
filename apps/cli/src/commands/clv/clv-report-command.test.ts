import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../testing/run-cli.ts";
import { cdnowTransactionArgs, clvFixture, tempDir } from "./clv-test-files.ts";

describe("tenure clv report", () => {
  it("writes one self-contained HTML file with the fit, the diagnostic charts and the top customers", async () => {
    const out = join(tempDir(), "report.html");
    const run = await runCli(["clv", "report", clvFixture("CDNOW_sample.txt"), ...cdnowTransactionArgs, "--model", "bgnbd", "--horizon", "52", "--out", out]);
    expect(run.stderr).toEqual([]);
    expect(run.exitCode).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    // Calibration vs holdout, tracking, and the two heat maps.
    expect(html.match(/<svg /g)).toHaveLength(4);
    // Boolean checks: a failure should not print 200 KB of HTML.
    expect(html.includes("Calibration vs holdout")).toBe(true);
    expect(html.includes("Tracking: cumulative repeat purchases")).toBe(true);
    expect(html.includes("Probability alive")).toBe(true);
    expect(/<h2>Top 10 customers by CLV<\/h2>\n<table>(<tr>.*?<\/tr>){11}<\/table>/.test(html)).toBe(true);
    expect(/<td>r<\/td><td>0\.\d+<\/td>/.test(html)).toBe(true);
    // Works offline: no scripts, no external resources.
    expect(/<script|<link|<img|@import|url\(/i.test(html)).toBe(false);
    expect(/(src|href)\s*=\s*["']?https?:/i.test(html)).toBe(false);
    expect(/https?:\/\//.test(html)).toBe(false);
  });

  it("explains the charts a summary file cannot have", async () => {
    const out = join(tempDir(), "report.html");
    const run = await runCli(["clv", "report", clvFixture("donations.csv"), "--input", "summary", "--model", "bgbb", "--horizon", "5", "--out", out]);
    expect(run.exitCode).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html.includes("Calibration vs holdout: needs transaction input with --calibration-end.")).toBe(true);
  });
});
