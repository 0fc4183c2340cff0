/**
 * CSV import throughput: the full UCI Online Retail file (541,909 lines,
 * gzip) imported with the online-retail preset into a fresh database, as
 * `tenure import` does it (stream, gunzip, CsvScanner, validate, COPY into
 * staging, set-based upserts, one transaction). Baseline in the same run and
 * on the same engine: a plain COPY of the same file into a plain table (no
 * validation, no keys, no Node parsing). Also printed: the file reader alone
 * (gunzip + CSV split in Node, no database), the CPU time the import used in
 * Node and, on a local PostgreSQL, in its server processes (so a figure taken
 * on a loaded machine can be read against the work done), the load average
 * before and after, and the peak RSS of this process beyond what it held once
 * the database was open (on PGlite the database lives in this process too).
 * Without the Online Retail file (or with --generate N) it writes a file of
 * N lines in the same shape (deterministic) and imports that.
 *
 * The import (and the reader) runs twice, each time in a Node process of its
 * own: with Node's defaults, and with the flags `tenure import` runs with
 * (bin/tenure.mjs: a larger young generation), both against the same baseline.
 *
 * Run: node --import tsx bench/import.bench.ts [--engine pglite|postgres] [--file PATH | --generate LINES]
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * Targets: ≥ 150,000 lines/s on PostgreSQL, ≥ 60,000 on PGlite; ≤ 500 MB RSS beyond the database's own.
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { createReadStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { from as copyFrom } from "pg-copy-streams";
import { importFile } from "@tenure/app";
import { newId, type RequestContext } from "@tenure/shared";
import { createRepositories, openTestDatabase, type Database } from "@tenure/storage";
import { readCsvRecords } from "../packages/app/src/imports/read-csv-records.ts";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const engine = option("engine") ?? "pglite";
if (engine !== "pglite" && engine !== "postgres") throw new Error("--engine pglite|postgres");
const retail = "/work/shared/data/retail/online_retail.csv.gz";
const generate = option("generate") ?? (option("file") === undefined && !existsSync(retail) ? "541909" : undefined);
const file = generate === undefined ? (option("file") ?? retail) : generatedFile(Number(generate));
if (!existsSync(file)) throw new Error(`no file at ${file} (pass --file or --generate LINES)`);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const target = engine === "postgres" ? 150_000 : 60_000;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** A gzip file of `lines` Online Retail-shaped lines (invoices of 1–40 lines, 4,000 customers, 4,000 products, 1 in 50 cancelled). */
function generatedFile(lines: number): string {
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * n); // the high bits: an LCG's low bits repeat with a short period
  };
  const rows = ["InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"];
  let invoice = 536_365;
  while (rows.length <= lines) {
    const cancelled = next(50) === 0;
    const customer = next(10) === 0 ? "" : `${12_346 + next(4_000)}.0`;
    const date = `${1 + next(12)}/${1 + next(28)}/2011 ${8 + next(10)}:${String(next(60)).padStart(2, "0")}`;
    for (let i = 1 + next(40); i > 0 && rows.length <= lines; i--) {
      const code = 20_000 + next(4_000);
      const quantity = (1 + next(24)) * (cancelled ? -1 : 1);
      rows.push(`${cancelled ? "C" : ""}${invoice},${code},"PRODUCT ${code}, BOXED",${quantity},${date},${(next(2_000) / 100 + 0.05).toFixed(2)},${customer},United Kingdom`);
    }
    invoice++;
  }
  const path = join(tmpdir(), `import-bench-${lines}.csv.gz`);
  writeFileSync(path, gzipSync(`${rows.join("\n")}\n`));
  return path;
}

/** CPU milliseconds used so far by the server processes of `database`'s connections (local server only, via /proc). */
async function serverCpuMs(database: Database): Promise<Map<number, number>> {
  const cpu = new Map<number, number>();
  if (!database.pool) return cpu;
  const { rows } = await database.pool.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database()");
  for (const { pid } of rows) {
    const stat = `/proc/${pid}/stat`;
    if (!existsSync(stat)) continue;
    const fields = readFileSync(stat, "utf8").split(") ")[1]?.split(" ") ?? [];
    cpu.set(pid, ((Number(fields[11]) || 0) + (Number(fields[12]) || 0)) * 10); // utime + stime, in ticks of 10 ms
  }
  return cpu;
}

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(" ");

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

/** What one measured import reports to the parent run. */
interface Measured {
  readonly rate: number;
  readonly nodeCpuMs: number;
  readonly serverCpuMs: number | null;
}

/** The Node flags `tenure import` runs with (bin/tenure.mjs), and none (Node's defaults). */
const variants: readonly { readonly label: string; readonly flags: readonly string[] }[] = [
  { label: "Node defaults", flags: [] },
  { label: "as the CLI: --max-semi-space-size=64", flags: ["--max-semi-space-size=64"] },
];

if (option("measure") === undefined) await compare();
else await measure(Number(option("measure")));

/** The parent run: baseline, then each variant's import in its own Node process (V8 sizes its heap at start-up only). */
async function compare(): Promise<void> {
  const raw = readFileSync(file);
  const csv = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const lines = csv.subarray(0, csv.length - 1).toString("latin1").split("\n").length - 1; // data lines, header excluded
  console.log(`Import benchmark on ${engine}: ${file} (${lines.toLocaleString("en")} data lines, ${mb(csv.length)} uncompressed); load average ${load()}`);
  const baselineDb = await freshDatabase();
  const baselineMs = await plainCopy(baselineDb, csv);
  await baselineDb.close();
  console.log(`baseline  plain COPY, no validation       ${(baselineMs / 1000).toFixed(2).padStart(6)} s  ${Math.round((lines / baselineMs) * 1000).toLocaleString("en").padStart(9)} lines/s`);

  const results: Measured[] = [];
  for (const variant of variants) {
    console.log(`--- ${variant.label}`);
    const script = fileURLToPath(import.meta.url);
    const child = fork(script, ["--engine", engine, "--file", file, "--measure", String(baselineMs)], { execArgv: [...process.execArgv, ...variant.flags] });
    const [message] = (await Promise.race([once(child, "message"), once(child, "exit").then(() => [null])])) as [Measured | null];
    if (message === null) throw new Error(`the ${variant.label} run failed`);
    results.push(message);
    await once(child, "exit");
  }
  const [plain, flagged] = results;
  if (plain && flagged) {
    const server = (m: Measured): string => (m.serverCpuMs === null ? "" : `, PostgreSQL ${(m.serverCpuMs / 1000).toFixed(1)} s`);
    console.log(
      `summary   ${Math.round(flagged.rate).toLocaleString("en")} lines/s as the CLI runs it, ${Math.round(plain.rate).toLocaleString("en")} with Node's defaults (${(flagged.rate / plain.rate).toFixed(2)}×); ` +
        `CPU Node ${(flagged.nodeCpuMs / 1000).toFixed(1)} s vs ${(plain.nodeCpuMs / 1000).toFixed(1)} s${server(flagged)}${server(plain).replace(", PostgreSQL", " vs")}; load average ${load()}`,
    );
  }
}

/** One import in this process (started by compare with the variant's flags); reports to the parent. */
async function measure(baselineMs: number): Promise<void> {
  console.log(`          Node flags: ${process.execArgv.join(" ")}; load average ${load()}`);
  const readStart = performance.now();
  const reader = await readCsvRecords(createReadStream(file));
  let records = 0;
  for await (const chunk of reader.chunks) records += chunk.length;
  const readMs = performance.now() - readStart;
  console.log(`reader    gunzip + CSV split, no database     ${(readMs / 1000).toFixed(2).padStart(6)} s  ${Math.round((records / readMs) * 1000).toLocaleString("en").padStart(9)} lines/s`);

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

  const cpuBefore = process.cpuUsage();
  const serverBefore = await serverCpuMs(database);
  const start = performance.now();
  const result = await importFile(ctx, { repositories: createRepositories(database) }, {
    entity: null,
    preset: "online-retail",
    source: createReadStream(file),
    workspaceCurrency: "GBP",
    batchSize: Number(process.env.BENCH_BATCH ?? 20_000),
  });
  const importMs = performance.now() - start;
  const nodeCpu = process.cpuUsage(cpuBefore);
  const serverAfter = await serverCpuMs(database);
  const serverMs = [...serverAfter].reduce((sum, [pid, ms]) => sum + ms - (serverBefore.get(pid) ?? 0), 0);
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);

  const rate = (result.rowsRead / importMs) * 1000;
  const verdict = rate >= target ? "met" : "MISSED";
  console.log(
    `import    online-retail preset, 1 pass    ${(importMs / 1000).toFixed(2).padStart(6)} s  ${Math.round(rate).toLocaleString("en").padStart(9)} lines/s  ` +
      `${(baselineMs / importMs).toFixed(2)}× the baseline's speed (target ≥ ${target.toLocaleString("en")} lines/s: ${verdict})`,
  );
  const nodeMs = (nodeCpu.user + nodeCpu.system) / 1000;
  const serverCpu = database.pool ? `, PostgreSQL ${(serverMs / 1000).toFixed(1)} s (its connections' processes)` : "";
  console.log(`cpu       Node ${(nodeMs / 1000).toFixed(1)} s${serverCpu} for ${(importMs / 1000).toFixed(1)} s elapsed; load average ${load()}`);
  const beyond = rssPeak - rssBefore;
  console.log(`memory    RSS ${mb(rssBefore)} with the database open, peak ${mb(rssPeak)}: ${mb(beyond)} beyond it (target ≤ 500 MB: ${beyond <= 500 * 2 ** 20 ? "met" : "MISSED"})`);
  for (const c of result.counts) {
    console.log(`          ${c.entity.padEnd(12)} inserted ${c.inserted.toLocaleString("en").padStart(7)}  updated ${c.updated}  unchanged ${c.unchanged}`);
  }
  console.log(`          rows read ${result.rowsRead.toLocaleString("en")}, rejected ${result.rejected}`);
  await database.close();
  const measured: Measured = { rate, nodeCpuMs: nodeMs, serverCpuMs: database.pool ? serverMs : null };
  process.send?.(measured);
}
