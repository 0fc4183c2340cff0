/**
 * CSV import throughput: the full UCI Online Retail file (541,909 lines,
 * gzip) imported with the online-retail preset into a fresh database by the
 * real command, `node bin/tenure.mjs import orders FILE --preset
 * online-retail` (which runs the bundle, built first). The figure is the
 * command's own (rows read / seconds from the start of the import to its
 * commit, as it prints them), the median of --runs runs, with the range.
 *
 * Baseline in the same run and on the same engine: a plain COPY of the same
 * file into a plain table (no validation, no keys, no Node parsing). Also
 * printed: the file reader alone (gunzip + CSV split in Node), the command's
 * wall time, its CPU time (both threads: the import's worker reads the file
 * while the main thread talks to the database), the whole machine's busy
 * CPU time over the run (PostgreSQL with its parallel index workers
 * included), the load average, and the command's peak RSS beyond that of
 * `tenure migrate` on the same database (which opens it and does nothing:
 * on PGlite the database lives in the command's process).
 * Without the Online Retail file (or with --generate N) it writes a file of
 * N lines in the same shape (deterministic) and imports that.
 *
 * Run: node --import tsx bench/import.bench.ts [--engine pglite|postgres] [--runs N] [--file PATH | --generate LINES]
 * Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * Targets: ≥ 150,000 lines/s on PostgreSQL, ≥ 60,000 on PGlite; ≤ 500 MB RSS beyond the database's own.
 */
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { from as copyFrom } from "pg-copy-streams";
import { newId } from "@tenure/shared";
import { adminQuery, createDatabase, migrate, openTestDatabase, type Database } from "@tenure/storage";
import { readCsvRecords } from "../packages/app/src/imports/read-csv-records.ts";
import { median } from "./support/bench-timing.ts";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const engine = option("engine") ?? "pglite";
if (engine !== "pglite" && engine !== "postgres") throw new Error("--engine pglite|postgres");
const runs = Number(option("runs") ?? 3);
const retail = "/work/shared/data/retail/online_retail.csv.gz";
const generate = option("generate") ?? (option("file") === undefined && !existsSync(retail) ? "541909" : undefined);
const file = generate === undefined ? (option("file") ?? retail) : generatedFile(Number(generate));
if (!existsSync(file)) throw new Error(`no file at ${file} (pass --file or --generate LINES)`);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const target = engine === "postgres" ? 150_000 : 60_000;
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin/tenure.mjs");
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(" ");
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const rate = (n: number): string => Math.round(n).toLocaleString("en");

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

/** Baseline: the file's bytes straight into a plain table with COPY … CSV, on a fresh database. */
async function plainCopyMs(csv: Buffer): Promise<number> {
  process.env.TEST_DATABASE_URL = serverUrl;
  const database = await openTestDatabase(engine === "postgres" ? "postgres" : "pglite");
  const create = `create table bench_plain (invoice_no text, stock_code text, description text, quantity numeric, invoice_date timestamp, unit_price numeric, customer_id text, country text)`;
  const copy = `copy bench_plain from stdin with (format csv, header true)`;
  try {
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
    return performance.now() - start;
  } finally {
    await database.close();
  }
}

/** A fresh, migrated database with one empty workspace ("bench"), and the environment a command needs to open it. */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (engine === "postgres") {
    const name = `tenure_bench_${newId("workspace").slice(-10)}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await withDatabase(await createDatabase({ url: url.toString(), poolSize: 1 }));
    return { env: { DATABASE_URL: url.toString() }, drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "tenure-import-bench-"));
  await withDatabase(await createDatabase({ dataDir: join(dataDir, "pglite") })); // where the commands look (apps/server/src/open-configured-database.ts)
  return { env: { TENURE_DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

async function withDatabase(database: Database): Promise<void> {
  try {
    await migrate(database);
    await database.db.insertInto("workspaces").values({ id: newId("workspace"), name: "Bench", slug: "bench", settings: {} }).execute();
  } finally {
    await database.close();
  }
}

/** Busy CPU milliseconds of the whole machine so far (all cores, /proc/stat). */
function machineBusyMs(): number {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
  return (user + nice + system + irq + softirq) * 10; // ticks of 10 ms
}

/** What one run of a command did. */
interface CommandRun {
  readonly output: string;
  readonly wallMs: number;
  /** CPU (user + system, every thread) of the command's process, last seen before it exited. */
  readonly cpuMs: number;
  /** Peak RSS of the command's process. */
  readonly peakRss: number;
  readonly machineBusyMs: number;
}

/** Run `node bin/tenure.mjs …argv` (the bundle, built above), watching its process in /proc every 10 ms. */
async function runCommand(argv: readonly string[], env: Record<string, string>): Promise<CommandRun> {
  const busyBefore = machineBusyMs();
  const started = performance.now();
  const child = spawn(process.execPath, [bin, ...argv], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  let cpuMs = 0;
  let peakRss = 0;
  const watch = setInterval(() => {
    try {
      const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      cpuMs = ((Number(stat[11]) || 0) + (Number(stat[12]) || 0)) * 10;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
    } catch {
      // exited between two looks
    }
  }, 10);
  const [code] = (await once(child, "exit")) as [number | null];
  clearInterval(watch);
  if (code !== 0) throw new Error(`tenure ${argv.join(" ")} exited with ${code}:\n${output}`);
  return { output, wallMs: performance.now() - started, cpuMs, peakRss, machineBusyMs: machineBusyMs() - busyBefore };
}

/** One import as the command runs it, into a fresh database. */
interface Measured extends CommandRun {
  readonly rows: number;
  /** The command's own figure: rows read / its import seconds. */
  readonly rate: number;
  /** Peak RSS of `tenure migrate` on the same database (the database's own, opened). */
  readonly openRss: number;
}

async function measure(): Promise<Measured> {
  const database = await freshDatabase();
  try {
    const opened = await runCommand(["migrate"], database.env);
    const run = await runCommand(["import", "orders", file, "--preset", "online-retail", "--workspace", "bench", "--no-refit"], database.env);
    const summary = /Imported ([\d,]+) rows into "bench" in ([\d.]+) s/.exec(run.output);
    if (!summary) throw new Error(`no summary in the command's output:\n${run.output}`);
    const rows = Number(summary[1]?.replaceAll(",", ""));
    // The printed seconds have one decimal: the rate it prints next to them is exact.
    const printedRate = /\(([\d,]+) rows\/s\)/.exec(run.output);
    return { ...run, rows, rate: Number(printedRate?.[1]?.replaceAll(",", "") ?? rows / Number(summary[2])), openRss: opened.peakRss };
  } finally {
    await database.drop();
  }
}

console.log(`Import benchmark on ${engine}: ${file}; load average ${load()}`);
execFileSync(process.execPath, [join(root, "scripts/build-bundle.mjs")], { stdio: "ignore" });
const raw = readFileSync(file);
const csv = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
const lines = csv.subarray(0, csv.length - 1).toString("latin1").split("\n").length - 1; // data lines, header excluded
console.log(`          ${lines.toLocaleString("en")} data lines, ${mb(csv.length)} uncompressed; the command: node bin/tenure.mjs import orders FILE --preset online-retail (the bundle)`);
const baselineMs = await plainCopyMs(csv);
console.log(`baseline  plain COPY, no validation        ${seconds(baselineMs).padStart(7)}  ${rate((lines / baselineMs) * 1000).padStart(9)} lines/s`);
const readStart = performance.now();
let records = 0;
for await (const chunk of (await readCsvRecords(createReadStream(file))).chunks) records += chunk.length;
const readMs = performance.now() - readStart;
console.log(`reader    gunzip + CSV split, no database  ${seconds(readMs).padStart(7)}  ${rate((records / readMs) * 1000).padStart(9)} lines/s (this process)`);

const measured: Measured[] = [];
for (let n = 0; n < runs; n++) {
  const m = await measure();
  measured.push(m);
  console.log(
    `run ${n + 1}     ${rate(m.rate).padStart(9)} lines/s (${m.rows.toLocaleString("en")} rows); wall ${seconds(m.wallMs)}, CPU ${seconds(m.cpuMs)} in the command, ` +
      `${seconds(m.machineBusyMs)} on the machine; peak RSS ${mb(m.peakRss)} (${mb(m.peakRss - m.openRss)} beyond migrate's ${mb(m.openRss)}); load ${load()}`,
  );
}
const rates = measured.map((m) => m.rate);
const mid = median(rates);
const beyond = Math.max(...measured.map((m) => m.peakRss - m.openRss));
console.log(
  `import    median ${rate(mid)} lines/s (${rate(Math.min(...rates))}–${rate(Math.max(...rates))} over ${measured.length} runs), ` +
    `${(mid / ((lines / baselineMs) * 1000)).toFixed(2)}× the baseline's speed (target ≥ ${rate(target)} lines/s: ${mid >= target ? "met" : "MISSED"}); ` +
    `memory at most ${mb(beyond)} beyond the database's own (target ≤ 500 MB: ${beyond <= 500 * 2 ** 20 ? "met" : "MISSED"}); load average ${load()}`,
);
