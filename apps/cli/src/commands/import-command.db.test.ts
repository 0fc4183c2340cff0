import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  });

  it("refits customer value after importing purchases, observing up to the latest purchase", async () => {
    const customers = join(dir, "refit-customers.csv");
    const orders = join(dir, "refit-orders.csv");
    // 80 customers with varied repeat buying over 2023: customer i first buys on day i,
    // then every (7 + i % 23) days, (i % 6) more times.
    const rows: string[] = [];
    for (let i = 1; i <= 80; i++) {
      for (let k = 0; k <= i % 6; k++) {
        const day = new Date(Date.UTC(2023, 0, 1 + i + k * (7 + (i % 23))));
        rows.push(`o${i}-${k},r${i},${day.toISOString().slice(0, 10)},${(10 + (i % 9) * 3.25).toFixed(2)}`);
      }
    }
    writeFileSync(customers, `external_id\n${Array.from({ length: 80 }, (_, i) => `r${i + 1}`).join("\n")}\n`);
    writeFileSync(orders, `external_id,customer_external_id,ordered_at,total\n${rows.join("\n")}\n`);
    const latest = rows.map((r) => r.split(",")[2] ?? "").sort().at(-1);
    await runImport(createRepositories(database), { entity: "customers", file: customers, refit: true }, io);
    expect([...out, ...err].some((line) => line.startsWith("Customer value"))).toBe(false); // no purchases changed yet
    out.length = 0;
    await runImport(createRepositories(database), { entity: "orders", file: orders, refit: true }, io);
    expect(out.at(-1)).toMatch(/^Customer value refitted \(bg-nbd\): 80 customers scored in [\d.]+ s\.$/);
    const fit = await database.db.selectFrom("clv_fits").select(["converged", "report"]).where("workspace_id", "=", "ws_demo").executeTakeFirstOrThrow();
    expect(fit.converged).toBe(true);
    // History from 2023: observed up to its latest purchase, not to today.
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
