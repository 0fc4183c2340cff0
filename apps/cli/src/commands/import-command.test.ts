import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../../../bin/tenure.mjs", import.meta.url));

describe("tenure import from bin/tenure.mjs", () => {
  // A preload that prints, on exit, the Node flags each process was started with.
  const dir = mkdtempSync(join(tmpdir(), "tenure-import-"));
  const preload = join(dir, "flags.cjs");
  afterAll(() => rmSync(dir, { recursive: true }));
  writeFileSync(preload, 'process.on("exit", () => process.stderr.write(`flags: ${JSON.stringify(process.execArgv)}\\n`));\n');
  const run = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", NODE_OPTIONS: `--require ${preload}` } });

  it("runs the import in a child Node with larger semi-spaces, passing its output and exit code through", () => {
    const result = run(["import", "nosuch", "file.csv"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      'error: Unknown entity "nosuch" (one of: customers, contacts, products, orders, order-lines, payments, events)',
      'flags: ["--max-semi-space-size=64"]',
      "flags: []",
    ]);
  });

  it("runs other commands in the first process", () => {
    const result = run(["writekey", "create"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual(["error: required option '--name <name>' not specified", "flags: []"]);
  });
});
