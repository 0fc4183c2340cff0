import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@tenure/shared";
import { createRepositories, openTestDatabase, type Database } from "@tenure/storage";
import type { CliIo } from "../cli-context.ts";
import { runImport } from "./import-command.ts";

describe("tenure import (runImport)", () => {
  let database: Database;
  const dir = mkdtempSync(join(tmpdir(), "tenure-import-"));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {}, cwd: dir };

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("asks for a workspace when there is none", async () => {
    const file = join(dir, "c.csv");
    writeFileSync(file, "external_id\nc1\n");
    const error = await runImport(createRepositories(database), { entity: "customers", file }, io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/tenure demo/);
  });

  it("imports into the demo workspace, prints the counts and writes rejected rows to the errors file", async () => {
    await database.db.insertInto("workspaces").values({ id: "ws_demo", name: "Demo", slug: "demo", settings: {}, default_currency: "USD" }).execute();
    const file = join(dir, "customers.csv");
    const errors = join(dir, "errors.csv");
    writeFileSync(file, 'No,Name,email\nc1,Ada,ada@example.com\nc2,"Bob, Jr",bad\n');
    const result = await runImport(createRepositories(database), { entity: "customers", file, map: ["No=external_id"], errors }, io);
    expect(result.counts).toEqual([{ entity: "customers", inserted: 1, updated: 0, unchanged: 0 }]);
    expect(out[0]).toMatch(/^Imported 2 rows into "demo" in [\d.]+ s \([\d,]+ rows\/s\); 1 rejected\.$/);
    expect(out[1]).toBe("  customers    inserted 1, updated 0, unchanged 0");
    expect(err).toEqual(['line 3, email "bad": not an e-mail address', `Rejected rows are in ${errors}`]);
    expect(readFileSync(errors, "utf8")).toBe('line,column,value,reason,No,Name,email\n3,email,bad,not an e-mail address,c2,"Bob, Jr",bad\n');
    const audited = await database.db.selectFrom("audit_log").select(["action", "actor_id", "details"]).where("workspace_id", "=", "ws_demo").execute();
    expect(audited).toEqual([
      {
        action: "import.run",
        actor_id: "cli",
        details: { entity: "customers", preset: null, file_name: "customers.csv", rows_read: 2, rejected: 1, counts: { customers: { inserted: 1, updated: 0, unchanged: 0 } } },
      },
    ]);
  });

  it("refits customer value after importing purchases, observing up to the latest purchase", async () => {
    const customers = join(dir, "refit-customers.csv");
    const orders = join(dir, "refit-orders.csv");
    // The CDNOW sample (2,357 customers, 6,919 purchases, 1997-01 to 1998-06) as customers and orders.
    const cdnow = readFileSync(fileURLToPath(new URL("../../../../packages/analytics/test-fixtures/CDNOW_sample.txt", import.meta.url)), "utf8");
    const rows: string[] = [];
    const ids = new Set<string>();
    for (const [n, line] of cdnow.trim().split(/\r?\n/).entries()) {
      const [, id = "", date = "", , dollars = ""] = line.trim().split(/\s+/);
      ids.add(id);
      rows.push(`o${n},c${id},${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)},${dollars}`);
    }
    writeFileSync(customers, `external_id\n${[...ids].map((id) => `c${id}`).join("\n")}\n`);
    writeFileSync(orders, `external_id,customer_external_id,ordered_at,total\n${rows.join("\n")}\n`);
    const latest = rows.map((r) => r.split(",")[2] ?? "").sort().at(-1);
    await runImport(createRepositories(database), { entity: "customers", file: customers, refit: true }, io);
    expect([...out, ...err].some((line) => line.startsWith("Customer value"))).toBe(false); // no purchases changed yet
    out.length = 0;
    await runImport(createRepositories(database), { entity: "orders", file: orders, refit: true }, io);
    expect(out).toContainEqual(expect.stringMatching(/^Customer value refitted \(bg-nbd\): 2,349 customers scored in [\d.]+ s\.$/));
    const fit = await database.db.selectFrom("clv_fits").select(["converged", "report"]).where("workspace_id", "=", "ws_demo").executeTakeFirstOrThrow();
    expect(fit.converged).toBe(true);
    // History from 1997–98: observed up to its latest purchase, not to today.
    expect(String(fit.report.observationEnd).slice(0, 10)).toBe(latest);
    // The same file again changes nothing, so nothing is refitted.
    out.length = 0;
    await runImport(createRepositories(database), { entity: "orders", file: orders, refit: true }, io);
    expect(out.some((line) => line.startsWith("Customer value"))).toBe(false);
  });

  it("refuses a malformed --map and an unknown entity in one readable line", async () => {
    const file = join(dir, "customers.csv");
    await expect(runImport(createRepositories(database), { entity: "customers", file, map: ["external_id"] }, io)).rejects.toThrow(/--map takes source=target/);
    await expect(runImport(createRepositories(database), { entity: "clients", file }, io)).rejects.toThrow(/Unknown entity "clients"/);
  });
});
