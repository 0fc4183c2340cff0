import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./testing/run-cli.ts";

// One embedded data directory, driven through the CLI as a user would, in order.
describe("tenure CLI on an embedded database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tenure-cli-"));
  const env = { TENURE_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("migrates, and a second migrate applies nothing", async () => {
    const first = await runCli(["migrate"], env);
    expect(first.exitCode).toBe(0);
    expect(first.stdout[0]).toMatch(/^Applied \d+ migrations?: 0001_foundation/);
    const second = await runCli(["migrate"], env);
    expect(second).toMatchObject({ exitCode: 0, stderr: [] });
    expect(second.stdout[0]).toMatch(/^Database is up to date \(\d+ migrations? already applied\)\.$/);
  });

  it("refuses a token while no workspace exists", async () => {
    const run = await runCli(["token", "create", "--name", "me"], env);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toEqual(["error: The database has no workspace yet: load the demo or import data first"]);
  });

  it("loads a small demo, then refuses to load it again", async () => {
    const load = await runCli(["demo", "--customers", "60"], env);
    expect(load.exitCode).toBe(0);
    expect(load.stdout[0]).toMatch(/^Loaded the demo workspace "demo" in [\d.]+ s: 60 customers, /);
    const again = await runCli(["demo", "--customers", "60"], env);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toEqual(['error: The demo workspace "demo" already exists with 60 customers; nothing was loaded']);
  });

  it("creates a token and a write key, each printed as the last line", async () => {
    const token = await runCli(["token", "create", "--name", "me", "--role", "analyst", "--expires-in", "30", "--workspace", "demo"], env);
    expect(token.exitCode).toBe(0);
    expect(token.stdout[0]).toMatch(/^Created API token "me" in workspace "demo" \(role analyst, expires \d{4}-\d\d-\d\d\)\.$/);
    expect(token.stdout.at(-1)).toMatch(/^tnr_[\w-]{43}$/);
    const key = await runCli(["writekey", "create", "--name", "website"], env);
    expect(key.exitCode).toBe(0);
    expect(key.stdout.at(-1)).toMatch(/^twk_[\w-]{43}$/);
    const unknown = await runCli(["token", "create", "--name", "me", "--workspace", "acme"], env);
    expect(unknown).toMatchObject({ exitCode: 1, stderr: ['error: No workspace "acme" (workspaces: demo)'] });
  });
});
