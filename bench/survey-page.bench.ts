/**
 * The public survey page GET /s/{token} under load on PostgreSQL: 10,000
 * open invitations (a CES survey, customers in en/ja/zh/ru); autocannon
 * drives the server (a child process) with 100 connections for 10 s, each
 * request a random valid token, so every request verifies the HMAC, reads
 * the invitation (with its survey's and workspace's row versions; the survey
 * and the workspace name come from the server's cache) and sends the form.
 * Baseline in the same run: GET /healthz (one `select 1`) on the same server.
 * The page's per-address rate limit (TENURE_SURVEY_PAGE_RATE_LIMIT, default 60
 * a minute) is raised for the run, since every request comes from 127.0.0.1;
 * the bench fails if any answer is not 200 (a 429 would be measured otherwise).
 * Targets: ≥ 1,000 req/s, p99 ≤ 50 ms, no errors.
 * Run: node --import tsx bench/survey-page.bench.ts   (needs the PostgreSQL
 * server at BENCH_SERVER_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * creates and drops a database of its own)
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { sql } from "kysely";
import { signSurveyToken } from "../packages/app/src/index.ts";
import { standardQuestions } from "../packages/domain/src/index.ts";
import { adminQuery, createDatabase, migrate } from "../packages/storage/src/index.ts";

const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const invitations = 10_000;
const connections = 100;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const secret = randomBytes(32).toString("base64url");
const ws = "ws_bench";
const expiresAt = new Date(Date.now() + 14 * 86_400_000);

const name = `tenure_bench_${randomBytes(4).toString("hex")}`;
const url = new URL(serverUrl);
url.pathname = `/${name}`;
await adminQuery(serverUrl, `create database ${name}`);
let server: ChildProcess | null = null;
try {
  const database = await createDatabase({ url: url.toString(), poolSize: 2 });
  await migrate(database);
  const db = database.db;
  await sql`insert into workspaces (id, name, slug) values (${ws}, 'Bench Co', 'bench')`.execute(db);
  await sql`insert into surveys (workspace_id, id, name, kind, questions) values (${ws}, 'srv_bench', 'After support', 'ces', ${JSON.stringify(standardQuestions("ces"))})`.execute(db);
  await sql`
    insert into customers (workspace_id, id, kind, name, locale)
    select ${ws}, 'cus_' || i, 'person', 'Customer ' || i, (array['en','ja-JP','zh-CN','ru'])[1 + i % 4] from generate_series(1, ${invitations}) as i`.execute(db);
  await sql`
    insert into survey_invitations (workspace_id, id, survey_id, customer_id, locale, channel, expires_at)
    select ${ws}, 'sinv_' || i, 'srv_bench', 'cus_' || i, (array['en','ja','zh','ru'])[1 + i % 4], 'email', ${expiresAt}
    from generate_series(1, ${invitations}) as i`.execute(db);
  await sql`vacuum analyze`.execute(db);
  await database.close();
  const tokens = Array.from({ length: invitations }, (_, i) => signSurveyToken(secret, { workspaceId: ws, invitationId: `sinv_${i + 1}`, expiresAt }));

  const child = fork(fileURLToPath(new URL("./support/serve-survey-page-for-bench.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_DATABASE_URL: url.toString(), BENCH_SURVEY_SECRET: secret, BENCH_SURVEY_RATE_LIMIT: String(100_000_000) },
  });
  server = child;
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const check = await fetch(`${base}/s/${tokens[0]}`);
  const page = await check.text();
  if (check.status !== 200 || !page.includes("<form")) throw new Error(`GET /s/{token} answered ${check.status}: ${page.slice(0, 200)}`);

  const serverCpuMs = () =>
    new Promise<number>((resolve) => {
      child.once("message", (m) => resolve((m as { cpuMs: number }).cpuMs));
      child.send("cpu");
    });
  const run = async (title: string, path: () => string) => {
    const before = await serverCpuMs();
    const result = await autocannon({ url: base, connections, duration: seconds, requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: path() }) }], title });
    return { result, serverMs: ((await serverCpuMs()) - before) / result.requests.total };
  };
  const randomPage = () => `/s/${tokens[Math.floor(Math.random() * invitations)]}`;

  // Warm-up (JIT, pool connections, buffer cache), then the measured runs.
  await autocannon({ url: base, connections, duration: 2, requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: randomPage() }) }] });
  const health = await run("GET /healthz", () => "/healthz");
  const survey = await run("GET /s/{token}", randomPage);

  const row = ({ result: r, serverMs }: Awaited<ReturnType<typeof run>>) =>
    `${r.title?.padEnd(18)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${String(r.latency.p50).padStart(3)} ms  p99 ${String(r.latency.p99).padStart(4)} ms  ` +
    `errors ${r.errors}  non-2xx ${r.non2xx}  server CPU/request ${serverMs.toFixed(3)} ms`;
  console.log(`\n${connections} connections, ${seconds} s each, server in a child process (pool 10); load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(row(health));
  console.log(row(survey));
  console.log(`ratio survey page/healthz: throughput ${(survey.result.requests.average / health.result.requests.average).toFixed(2)}, p99 ${(survey.result.latency.p99 / Math.max(health.result.latency.p99, 1)).toFixed(2)}`);
  const s = survey.result;
  const ok = s.requests.average >= 1000 && s.latency.p99 <= 50 && s.errors === 0 && s.non2xx === 0;
  console.log(`target (≥ 1000 req/s, p99 ≤ 50 ms, no errors, no 429): ${ok ? "met" : "MISSED"}`);
} finally {
  if (server?.connected) {
    server.send("stop");
    await new Promise((resolve) => server?.once("exit", resolve));
  }
  await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}
