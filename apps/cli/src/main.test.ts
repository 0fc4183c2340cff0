import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./testing/run-cli.ts";

describe("tenure CLI exit codes", () => {
  it("prints help with exit 0, for the program and a nested command", async () => {
    const top = await runCli(["--help"]);
    expect(top.exitCode).toBe(0);
    expect(top.stdout.join("\n")).toMatch(/serve[\s\S]*migrate[\s\S]*demo[\s\S]*token[\s\S]*writekey/);
    const nested = await runCli(["token", "create", "--help"]);
    expect(nested.exitCode).toBe(0);
    expect(nested.stdout.join("\n")).toMatch(/--name <name>[\s\S]*--role[\s\S]*--expires-in[\s\S]*--workspace/);
  });

  it("exits 1 with one readable line for a usage mistake", async () => {
    const missing = await runCli(["token", "create"]);
    expect(missing).toMatchObject({ exitCode: 1, stderr: ["error: required option '--name <name>' not specified"] });
    const unknown = await runCli(["frobnicate"]);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toHaveLength(1);
  });

  it("exits 1 listing every configuration problem on one line", async () => {
    const run = await runCli(["migrate"], { PORT: "http", LOG_LEVEL: "chatty", TENURE_DEMO: "perhaps" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/^error: Invalid configuration \(3 problems\): PORT .*; LOG_LEVEL .*; TENURE_DEMO /);
  });

  it("exits 1 for bad option values before touching the database", async () => {
    const run = await runCli(["token", "create", "--name", "me", "--expires-in", "soon"], { DATABASE_URL: "postgres://127.0.0.1:1/none" });
    expect(run).toMatchObject({ exitCode: 1, stderr: ['error: --expires-in must be a whole number of days from 1 to 3650, got "soon"'] });
  });

  it("exits 2 on an unexpected failure with a hint, and shows the stack with DEBUG=1", async () => {
    const env = { DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" };
    const plain = await runCli(["migrate"], env);
    expect(plain.exitCode).toBe(2);
    expect(plain.stderr[0]).toMatch(/^unexpected error: .*ECONNREFUSED/);
    expect(plain.stderr.at(-1)).toBe("Rerun with DEBUG=1 to see the stack trace.");
    const debug = await runCli(["migrate"], { ...env, DEBUG: "1" });
    expect(debug.exitCode).toBe(2);
    expect(debug.stderr.some((line) => /^\s+at /.test(line))).toBe(true);
  });

  it("runs from bin/tenure.mjs with plain node (TypeScript from source)", () => {
    const bin = fileURLToPath(new URL("../../../bin/tenure.mjs", import.meta.url));
    const bad = spawnSync(process.execPath, [bin, "writekey", "create"], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n")).toEqual(["error: required option '--name <name>' not specified"]);
  });
});
