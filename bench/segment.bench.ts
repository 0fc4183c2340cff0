/**
 * Segment-compatible ingestion throughput on PostgreSQL. Starts the app on a
 * port over a throw-away database, then a separate client process sends
 * /v1/batch calls of 100 messages (identify, track, Order Completed; unique
 * messageIds) from several concurrent connections for ~15 s. Baseline in the
 * same run: the same events (with their customer ids) written by a plain
 * multi-row INSERT into the events table from the same number of concurrent
 * callers. Both share one
 * pool of 4 connections (openTestDatabase), on a machine of 2 cores.
 *
 * Run: node --import tsx bench/segment.bench.ts
 * The 20,000 users the messages name exist beforehand (a pipeline feeding an
 * existing customer base); BENCH_SEED=0 starts from an empty table instead,
 * so that most messages create their customer.
 * Env: BENCH_DATABASE_URL (server; default postgres://postgres@127.0.0.1:5432/postgres),
 *      BENCH_SECONDS (15), BENCH_CLIENTS (8), BENCH_SEED (1).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { createApiToken } from "@tenure/app";
import { buildApp } from "@tenure/server";
import { newId } from "@tenure/shared";
import { createRepositories, openTestDatabase, type Database } from "@tenure/storage";

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const clients = Number(process.env.BENCH_CLIENTS ?? 8);
const batchSize = 100;
const users = 20_000;
const seed = process.env.BENCH_SEED !== "0";

interface Message {
  type: "identify" | "track";
  userId: string;
  messageId: string;
  timestamp: string;
  event?: string;
  traits?: Record<string, unknown>;
  properties?: Record<string, unknown>;
}

/** 100 messages: 1 in 10 an Order Completed with two products, 2 in 10 identify, the rest plain track. */
function makeBatch(prefix: string, seq: number): Message[] {
  const batch: Message[] = [];
  for (let i = 0; i < batchSize; i++) {
    const userId = `user-${Math.floor(Math.random() * users)}`;
    const messageId = `${prefix}-${seq}-${i}`;
    const timestamp = new Date(Date.now() - Math.floor(Math.random() * 86_400_000)).toISOString();
    if (i % 10 === 0) {
      const products = [
        { product_id: `p-${i % 50}`, name: `Product ${i % 50}`, price: "19.99", quantity: 2, category: "Games" },
        { product_id: `p-${(i + 7) % 50}`, name: `Product ${(i + 7) % 50}`, price: 5.5, quantity: 1 },
      ];
      batch.push({ type: "track", userId, messageId, timestamp, event: "Order Completed", properties: { order_id: messageId, total: "45.48", currency: "EUR", products } });
    } else if (i % 5 === 1) {
      batch.push({ type: "identify", userId, messageId, timestamp, traits: { name: `User ${userId}`, email: `${userId}@example.com`, plan: i % 2 ? "pro" : "free" } });
    } else {
      batch.push({ type: "track", userId, messageId, timestamp, event: "Page Viewed", properties: { path: `/p/${i}`, referrer: "https://example.com" } });
    }
  }
  return batch;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

interface ClientReport {
  batches: number;
  failures: number;
  firstFailure: string | null;
  elapsedMs: number;
  latenciesMs: number[];
}

/** The client process: `clients` concurrent loops posting batches until the time is up. */
async function runClients(url: string, writeKey: string): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
  const report: ClientReport = { batches: 0, failures: 0, firstFailure: null, elapsedMs: 0, latenciesMs: [] };
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let seq = 0; performance.now() < end; seq++) {
        const body = JSON.stringify({ batch: makeBatch(`c${c}`, seq), sentAt: new Date().toISOString() });
        const t = performance.now();
        try {
          const res = await fetch(`${url}/v1/batch`, { method: "POST", headers: { "content-type": "application/json", authorization }, body });
          const text = await res.text();
          report.latenciesMs.push(performance.now() - t);
          if (res.status === 200) report.batches++;
          else {
            report.failures++;
            report.firstFailure ??= `${res.status} ${text.slice(0, 300)}`;
          }
        } catch (error) {
          report.failures++;
          report.firstFailure ??= String(error instanceof Error && error.cause ? error.cause : error);
        }
      }
    }),
  );
  report.elapsedMs = performance.now() - start;
  process.stdout.write(JSON.stringify(report));
}

/** Baseline: the same events, straight into the events table by multi-row INSERT, same concurrency. */
async function baseline(database: Database, workspaceId: string): Promise<{ events: number; elapsedMs: number; cpuMs: number }> {
  let events = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = start + Math.min(seconds, 10) * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let seq = 0; performance.now() < end; seq++) {
        const rows = makeBatch(`base${c}`, seq).map((m) => ({
          workspace_id: workspaceId,
          id: newId("event"),
          // The seeded customer of this user (ids are known, so no lookup): the
          // events then go where /v1 puts them in the customer indexes.
          customer_id: seed ? m.userId.replace("user-", "cus_seed") : null,
          type: m.event ?? m.type,
          occurred_at: m.timestamp,
          source: "baseline",
          message_id: m.messageId,
          summary: null,
          properties: JSON.stringify(m.properties ?? m.traits ?? {}),
        }));
        await database.db.insertInto("events").values(rows).execute();
        events += rows.length;
      }
    }),
  );
  return { events, elapsedMs: performance.now() - start, cpuMs: cpuMs(process.cpuUsage(cpu)) };
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

async function main(): Promise<void> {
  // A throw-away database of its own on the server, dropped at the end.
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const database = await openTestDatabase("postgres");
  try {
    const repositories = createRepositories(database);
    const workspaceId = newId("workspace");
    await database.db.insertInto("workspaces").values({ id: workspaceId, name: "Bench", slug: "bench", settings: "{}", default_currency: "EUR" }).execute();
    if (seed) {
      await sql`insert into customers (workspace_id, id, external_id, kind, attributes, first_seen_at)
        select ${workspaceId}, 'cus_seed' || i, 'user-' || i, 'person', '{}'::jsonb, now() - interval '2 years'
        from generate_series(0, ${users - 1}) as i`.execute(database.db);
      await sql`analyze customers`.execute(database.db);
    }
    const ctx = { workspaceId, actorId: "bench", role: "admin" as const, purpose: null, requestId: "bench" };
    const { secret } = await createApiToken(ctx, { repositories }, { kind: "write_key", name: "bench" });

    const base = await baseline(database, workspaceId);
    const baseRate = base.events / (base.elapsedMs / 1000);
    await database.db.deleteFrom("events").where("source", "=", "baseline").execute();

    const app = await buildApp({ repositories });
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    const serverCpu = process.cpuUsage();
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--client", address, secret], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`client exited with ${code}`)))));
    const serverCpuMs = cpuMs(process.cpuUsage(serverCpu));
    await app.close();
    const report = JSON.parse(output) as ClientReport;

    const sent = report.batches * batchSize;
    const rate = sent / (report.elapsedMs / 1000);
    const latencies = [...report.latenciesMs].sort((a, b) => a - b);
    const stored = await database.db
      .selectFrom("ingested_messages")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    const orders = await database.db.selectFrom("orders").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const events = await database.db.selectFrom("events").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const customers = await database.db.selectFrom("customers").select((e) => e.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();

    console.log(`Segment /v1/batch on PostgreSQL: ${clients} concurrent clients, ${batchSize} messages a batch, ${(report.elapsedMs / 1000).toFixed(1)} s, ${seed ? `${users} existing users` : "empty customer table"}`);
    console.log(`  accepted batches            ${report.batches} (failed ${report.failures}${report.firstFailure ? `: ${report.firstFailure}` : ""})`);
    console.log(`  HTTP ingestion              ${rate.toFixed(0)} events/s   (batch latency p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms)`);
    console.log(`  baseline: plain INSERT      ${baseRate.toFixed(0)} events/s   (multi-row INSERT into events, same batches and concurrency, ${(base.elapsedMs / 1000).toFixed(1)} s)`);
    console.log(`  ratio HTTP / baseline       ${(rate / baseRate).toFixed(2)}`);
    console.log(`  app-process CPU per 100 events: HTTP ${(serverCpuMs / Math.max(1, report.batches)).toFixed(1)} ms, baseline ${((base.cpuMs / base.events) * batchSize).toFixed(1)} ms (PostgreSQL's own CPU not included)`);
    console.log(`  stored: ${stored.n} ledger rows (sent ${sent}), ${events.n} events, ${orders.n} orders, ${customers.n} customers`);
    console.log(`  target ≥ 5000 events/s: ${rate >= 5000 ? "met" : "NOT met"}`);
  } finally {
    await database.close();
  }
}

if (process.argv[2] === "--client") {
  await runClients(process.argv[3] ?? "", process.argv[4] ?? "");
} else {
  await main();
}
