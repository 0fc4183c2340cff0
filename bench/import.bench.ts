/**
 * CSV import throughput: the full UCI Online Retail file (541,909 lines,
 * gzip) imported with the online-retail preset into a fresh database, as
 * `tenure import` does it (stream, gunzip, csv-parse, validate, COPY into
 * staging, set-based upserts, one transaction). Baseline in the same run and
 * on the same engine: a plain COPY of the same file into a plain table (no
 * validation, no keys, no Node parsing). Prints lines/s, the ratio to the
 * baseline, and the peak RSS of this process beyond what it held once the
 * database was open (on PGlite the database lives in this process too).
 *
 * Run: node --import tsx bench/import.bench.ts [--engine pglite|postgres] [--file PATH]
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * Targets: ≥ 150,000 lines/s on PostgreSQL, ≥ 60,000 on PGlite; ≤ 500 MB RSS beyond the database's own.
 */
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { gunzipSync } from "node:zlib";
import { from as copyFrom } from "pg-copy-streams";
import { importFile } from "@tenure/app";
import { newId, type RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, type Database } from "@tenure/storage";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const engine = option("engine") ?? "pglite";
if (engine !== "pglite" && engine !== "postgres") throw new Error("--engine pglite|postgres");
const file = option("file") ?? "/work/shared/data/retail/online_retail.csv.gz";
if (!existsSync(file)) throw new Error(`no file at ${file} (pass --file)`);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const target = engine === "postgres" ? 150_000 : 60_000;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** A fresh, migrated database: an in-memory PGlite, or a new database on the server (dropped afterwards). */
async function freshDatabase(): Promise<Database> {
  process.env.TEST_DATABASE_URL = serverUrl;
  return openTestDatabase(engine === "postgres" ? "postgres" : "pglite");
}

/** Baseline: the file's bytes straight into a plain table with COPY … CSV. */
async function plainCopy(database: Database, csv: Buffer): Promise<number> {
  const create = `create table bench_plain (invoice_no text, stock_code text, description text, quantity numeric, invoice_date timestamp, unit_price numeric, customer_id text, country text)`;
  const copy = `copy bench_plain from stdin with (format csv, header true)`;
  const start = performance.now();
  if (database.pglite) {
    await database.pglite.exec(create);
    await database.pglite.query(copy.replace("stdin", "'/dev/blob'"), [], { blob: new Blob([csv]) });
  } else if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query(create);
      await pipeline(Readable.from([csv]), client.query(copyFrom(copy)));
    } finally {
      client.release();
    }
  }
  const elapsed = performance.now() - start;
  await database.db.schema.dropTable("bench_plain").execute();
  return elapsed;
}

const raw = readFileSync(file);
const csv = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
const lines = csv.subarray(0, csv.length - 1).toString("latin1").split("\n").length - 1; // data lines, header excluded
console.log(`Import benchmark on ${engine}: ${file} (${lines.toLocaleString("en")} data lines, ${mb(csv.length)} uncompressed)`);

const baselineDb = await freshDatabase();
const baselineMs = await plainCopy(baselineDb, csv);
await baselineDb.close();
const baselineRate = (lines / baselineMs) * 1000;
console.log(`baseline  plain COPY, no validation       ${(baselineMs / 1000).toFixed(2).padStart(6)} s  ${Math.round(baselineRate).toLocaleString("en").padStart(9)} lines/s`);

const database = await freshDatabase();
const workspaceId = newId("workspace");
await database.db.insertInto("workspaces").values({ id: workspaceId, name: "Bench", slug: "bench", settings: {} }).execute();
const ctx: RequestContext = { workspaceId, actorId: "usr_bench", role: "admin", purpose: null, requestId: "bench" };

if (global.gc) global.gc();
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}, 25);

const start = performance.now();
const result = await importFile(ctx, { repositories: createRepositories(database) }, {
  entity: null,
  preset: "online-retail",
  source: createReadStream(file),
  workspaceCurrency: "GBP",
  batchSize: Number(process.env.BENCH_BATCH ?? 20_000),
});
const importMs = performance.now() - start;
clearInterval(sampler);
rssPeak = Math.max(rssPeak, process.memoryUsage().rss);

const rate = (result.rowsRead / importMs) * 1000;
const verdict = rate >= target ? "met" : "MISSED";
console.log(
  `import    online-retail preset, 1 pass    ${(importMs / 1000).toFixed(2).padStart(6)} s  ${Math.round(rate).toLocaleString("en").padStart(9)} lines/s  ` +
    `${(baselineMs / importMs).toFixed(2)}× the baseline's speed (target ≥ ${target.toLocaleString("en")} lines/s: ${verdict})`,
);
const beyond = rssPeak - rssBefore;
console.log(`memory    RSS ${mb(rssBefore)} with the database open, peak ${mb(rssPeak)}: ${mb(beyond)} beyond it (target ≤ 500 MB: ${beyond <= 500 * 2 ** 20 ? "met" : "MISSED"})`);
for (const c of result.counts) {
  console.log(`          ${c.entity.padEnd(12)} inserted ${c.inserted.toLocaleString("en").padStart(7)}  updated ${c.updated}  unchanged ${c.unchanged}`);
}
console.log(`          rows read ${result.rowsRead.toLocaleString("en")}, rejected ${result.rejected}`);
await database.close();
