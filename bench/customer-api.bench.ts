/**
 * GET /api/customers/{id} under load on PostgreSQL: 100k customers, 400k
 * orders with 1M order lines, 300k timeline events, scores for half the
 * customers. The server runs in a child process; autocannon drives it with
 * 50 connections for 10 s against random customer ids. Baseline in the same
 * run: GET /healthz (one `select 1` per request) on the same server.
 * Targets: ≥ 2,000 req/s, p99 ≤ 25 ms, no errors.
 * Run: node --import tsx bench/customer-api.bench.ts   (needs the PostgreSQL
 * server at BENCH_SERVER_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * creates and drops a database of its own)
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { sql } from "kysely";
import pg from "pg";
import { createApiToken } from "../packages/app/src/index.ts";
import { adminQuery, createDatabase, createRepositories, migrate, type Database } from "../packages/storage/src/index.ts";

const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const customers = 100_000;
const orders = 400_000;
const orderLines = 1_000_000;
const connections = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

const admin = (statement: string): Promise<void> => adminQuery(serverUrl, statement);

/** CPU time (ms) so far of each PostgreSQL backend serving database `db`, from /proc. */
async function backendCpuMs(db: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const r = await client.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1", [db]);
    const out = new Map<number, number>();
    for (const { pid } of r.rows) {
      try {
        // Fields 14 and 15 (utime, stime) in clock ticks of 10 ms; the name (field 2) may hold spaces.
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        // the backend ended meanwhile
      }
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Create the bench rows with INSERT … SELECT generate_series; returns an API token's secret. */
async function load(database: Database): Promise<string> {
  const db = database.db;
  const ws = "ws_bench";
  const loadStart = performance.now();
  await sql`insert into workspaces (id, name, slug) values (${ws}, 'Bench', 'bench')`.execute(db);
  await sql`
    insert into customers (workspace_id, id, external_id, kind, name, email, country, attributes, created_at, updated_at)
    select ${ws}, 'cus_' || lpad(i::text, 26, '0'), 'EXT-' || i, case when i % 5 = 0 then 'organization' else 'person' end,
           'Customer ' || i, 'c' || i || '@example.com', (array['DE','FR','US','JP','BR'])[1 + i % 5],
           jsonb_build_object('plan', case when i % 3 = 0 then 'gold' else 'free' end),
           now() - (i || ' minutes')::interval, now()
    from generate_series(1, ${customers}) as i`.execute(db);
  await sql`
    insert into orders (workspace_id, id, external_id, customer_id, ordered_at, currency, status, total, line_count)
    select ${ws}, 'ord_' || lpad(o::text, 26, '0'), 'O-' || o, 'cus_' || lpad((1 + o % ${customers})::text, 26, '0'),
           timestamptz '2024-01-01' + (o % 700 || ' days')::interval, 'EUR',
           case when o % 20 = 0 then 'returned' else 'completed' end,
           case when o % 20 = 0 then -25 else 25 end, 2
    from generate_series(1, ${orders}) as o`.execute(db);
  await sql`
    insert into order_lines (workspace_id, order_id, line_no, sku, quantity, unit_price, amount)
    select ${ws}, 'ord_' || lpad((1 + (l - 1) % ${orders})::text, 26, '0'), 1 + (l - 1) / ${orders}, 'SKU-' || l % 500, 1, 10, 10
    from generate_series(1, ${orderLines}) as l`.execute(db);
  await sql`
    insert into events (workspace_id, id, customer_id, type, occurred_at, source, summary, properties)
    select ${ws}, 'evt_' || lpad(e::text, 26, '0'), 'cus_' || lpad((1 + e % ${customers})::text, 26, '0'),
           (array['page.viewed','order.completed','email.opened'])[1 + e % 3], now() - (e || ' seconds')::interval, 'bench', null, '{}'
    from generate_series(1, ${customers * 3}) as e`.execute(db);
  await sql`
    insert into customer_scores (workspace_id, customer_id, fit_id, frequency, recency, age, monetary, p_alive,
                                 expected_purchases_90, expected_purchases_365, expected_spend, clv)
    select ${ws}, 'cus_' || lpad(i::text, 26, '0'), 'fit_bench', 3, 100, 300, 25, 0.8, 0.5, 2, 25, 120
    from generate_series(1, ${customers}, 2) as i`.execute(db);
  // Sets the visibility map too, so order totals are index-only scans (autovacuum does this in production).
  await sql`vacuum analyze`.execute(db);
  const loadMs = performance.now() - loadStart;
  const ctx = { workspaceId: ws, actorId: "bench", role: "admin" as const, purpose: null, requestId: "bench" };
  const { secret } = await createApiToken(ctx, { repositories: createRepositories(database) }, { kind: "api", name: "bench" });
  console.log(`loaded ${customers} customers, ${orders} orders, ${orderLines} order lines, ${customers * 3} events in ${(loadMs / 1000).toFixed(1)} s`);
  // Kept in the database for BENCH_DATABASE rounds (a bench database only).
  await sql`create table bench_secret (secret text)`.execute(db);
  await sql`insert into bench_secret values (${secret})`.execute(db);
  return secret;
}

/** The token of an earlier round in this database, or null when it holds no bench data yet. */
async function bearerSecretOf(database: Database): Promise<string | null> {
  const table = await sql<{ found: string | null }>`select to_regclass('bench_secret')::text as found`.execute(database.db);
  if (!table.rows[0]?.found) return null;
  const r = await sql<{ secret: string }>`select secret from bench_secret`.execute(database.db);
  return r.rows[0]?.secret ?? null;
}

// BENCH_KEEP=1 keeps the loaded database (its name is printed);
// BENCH_DATABASE=<name> uses that existing database (loading it the first
// time) and keeps it, for profiling rounds.
const reuse = process.env.BENCH_DATABASE;
const name = reuse ?? `tenure_bench_${randomBytes(4).toString("hex")}`;
const url = new URL(serverUrl);
url.pathname = `/${name}`;
if (!reuse) await admin(`create database ${name}`);
let server: ChildProcess | null = null;
try {
  const database = await createDatabase({ url: url.toString(), poolSize: 2 });
  // also brings a kept BENCH_DATABASE up to the current migrations
  await migrate(database);
  const token = (reuse ? await bearerSecretOf(database) : null) ?? (await load(database));
  await database.close();

  // --- server ----------------------------------------------------------------
  const child = fork(fileURLToPath(new URL("./support/serve-for-bench.ts", import.meta.url)), {
    // BENCH_SERVER_ARGS="--cpu-prof" profiles the server.
    execArgv: ["--import", "tsx", ...(process.env.BENCH_SERVER_ARGS?.split(" ").filter(Boolean) ?? [])],
    env: { ...process.env, BENCH_DATABASE_URL: url.toString() },
  });
  server = child;
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}` };

  const check = await fetch(`${base}/api/customers/cus_${"1".padStart(26, "0")}`, { headers });
  if (check.status !== 200) throw new Error(`GET customer answered ${check.status}: ${await check.text()}`);

  const serverCpuMs = () =>
    new Promise<number>((resolve) => {
      child.once("message", (m) => resolve((m as { cpuMs: number }).cpuMs));
      child.send("cpu");
    });
  // CPU per request of the server process and of its PostgreSQL backends:
  // unlike req/s, it hardly moves when other work shares the machine.
  const run = async (title: string, path: () => string) => {
    const before = { server: await serverCpuMs(), pg: await backendCpuMs(name) };
    const result = await autocannon({
      url: base,
      connections,
      duration: seconds,
      headers,
      requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: path() }) }],
      title,
    });
    const after = { server: await serverCpuMs(), pg: await backendCpuMs(name) };
    const requests = result.requests.total;
    const pg = [...after.pg].reduce((sum, [pid, ms]) => sum + ms - (before.pg.get(pid) ?? 0), 0);
    return { result, serverMs: (after.server - before.server) / requests, pgMs: pg / requests };
  };
  const randomCustomer = () => `/api/customers/cus_${String(1 + Math.floor(Math.random() * customers)).padStart(26, "0")}`;

  // Warm-up (JIT, pool connections, buffer cache), then the measured runs.
  const load1 = () => loadavg()[0]?.toFixed(1);
  await autocannon({ url: base, connections, duration: 2, headers, requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: randomCustomer() }) }] });
  const loadAtStart = load1();
  const health = await run("GET /healthz", () => "/healthz");
  const customer = await run("GET /api/customers/{id}", randomCustomer);

  const row = ({ result: r, serverMs, pgMs }: Awaited<ReturnType<typeof run>>) =>
    `${r.title?.padEnd(26)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${String(r.latency.p50).padStart(3)} ms  p99 ${String(r.latency.p99).padStart(4)} ms  ` +
    `errors ${r.errors}  non-2xx ${r.non2xx}  CPU/request: server ${serverMs.toFixed(3)} ms + postgres ${pgMs.toFixed(3)} ms`;
  console.log(`\n${connections} connections, ${seconds} s each, server in a child process (pool 10); load average ${loadAtStart} at the first measured run, ${load1()} at the end`);
  console.log(row(health));
  console.log(row(customer));
  const cpu = (r: Awaited<ReturnType<typeof run>>) => r.serverMs + r.pgMs;
  console.log(`ratio customer/healthz: throughput ${(customer.result.requests.average / health.result.requests.average).toFixed(2)}, CPU per request ${(cpu(customer) / cpu(health)).toFixed(2)}`);
  console.log(`CPU-bound ceiling on 2 dedicated cores (server + postgres, load generator excluded): ${(2000 / cpu(customer)).toFixed(0)} req/s`);
  const c = customer.result;
  const ok = c.requests.average >= 2000 && c.latency.p99 <= 25 && c.errors === 0 && c.non2xx === 0;
  console.log(`target (≥ 2000 req/s, p99 ≤ 25 ms, no errors): ${ok ? "met" : "MISSED"}`);
} finally {
  if (server?.connected) {
    server.send("stop");
    await new Promise((resolve) => server?.once("exit", resolve));
  }
  if (process.env.BENCH_KEEP || reuse) console.log(`kept database ${name}`);
  else await admin(`drop database if exists ${name} with (force)`);
}
