/**
 * Customer value end to end on PostgreSQL: 10M orders of ~1M customers from
 * a BG/NBD + Gamma-Gamma process, then the whole refit (SQL summaries → fit
 * → score → stored scores) timed in a child process whose peak RSS is the
 * memory figure. Baseline in the same run: the bare
 * `select customer_id, count(*) … group by customer_id` over the same orders.
 * Targets: refit ≤ 60 s, peak RSS ≤ 1 GB.
 * Run: node --import tsx bench/clv-pipeline.bench.ts [orders, default 10000000]
 * Needs postgres://postgres@127.0.0.1:5432/postgres (BENCH_DATABASE_URL); it
 * creates and drops a database of its own.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { refitCustomerValue } from "../packages/app/src/index.ts";
import { createDatabase, createRepositories, migrate } from "../packages/storage/src/index.ts";
import { createRandom } from "../packages/analytics/src/testing/random.ts";

const WORKSPACE = "ws_bench";
const DAY_MS = 86_400_000;
const END = Date.parse("2026-01-01T00:00:00Z");
const YEARS = 3;

if (process.argv[2] === "--refit") {
  await refitChild(process.argv[3]!);
} else {
  await main(Number(process.argv[2] ?? 10_000_000));
}

async function main(targetOrders: number): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `tenure_bench_clv_${randomBytes(4).toString("hex")}`;
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  await server.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const database = await createDatabase({ url: url.toString(), poolSize: 2 });
    await migrate(database);
    await database.db.insertInto("workspaces").values({ id: WORKSPACE, name: "Bench", slug: "bench", settings: "{}" }).execute();
    await database.close();

    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    let started = performance.now();
    const { customers, orders } = await load(client, targetOrders);
    console.log(`loaded ${orders.toLocaleString("en")} orders of ${customers.toLocaleString("en")} customers in ${s(performance.now() - started)} (setup, not timed)`);

    started = performance.now();
    const baseline = await client.query("select customer_id, count(*) from orders where workspace_id = $1 group by customer_id", [WORKSPACE]);
    const baselineMs = performance.now() - started;
    console.log(`baseline: bare GROUP BY customer_id (${baseline.rowCount?.toLocaleString("en")} rows to the client)   ${s(baselineMs)}`);
    await client.end();

    const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--refit", url.toString()], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`refit child failed with status ${child.status}: ${child.stdout}`);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as RefitFigures;
    const rssMb = result.maxRssKb / 1024;
    console.log(`refit (summaries → fit → score → stored scores)   ${s(result.totalMs)}   ${(result.totalMs / baselineMs).toFixed(1)}× baseline   target ≤ 60 s: ${result.totalMs <= 60_000 ? "met" : "MISSED"}`);
    console.log(`  SQL summaries into typed arrays   ${s(result.seconds.summaries * 1000)}   ${((result.seconds.summaries * 1000) / baselineMs).toFixed(2)}× baseline`);
    console.log(`  fit BG/NBD + Gamma-Gamma, score   ${s(result.seconds.fitAndScore * 1000)}   (${result.rows.toLocaleString("en")} distinct rows, converged ${result.converged})`);
    console.log(`  store fit + ${result.scored.toLocaleString("en")} scores (COPY + one INSERT)   ${s(result.seconds.store * 1000)}`);
    console.log(`peak RSS of the refit process   ${rssMb.toFixed(0)} MB   target ≤ 1024 MB: ${rssMb <= 1024 ? "met" : "MISSED"}`);
    console.log(`params ${JSON.stringify(result.params)} (simulated r=3, alpha=60, a=1, b=9)`);
  } finally {
    if (process.env.BENCH_KEEP === "1") console.log(`kept ${url.toString()} (BENCH_KEEP=1)`);
    else await server.query(`drop database if exists ${name} with (force)`);
    await server.end();
  }
}

interface RefitFigures {
  totalMs: number;
  maxRssKb: number;
  seconds: { summaries: number; fitAndScore: number; store: number };
  rows: number;
  scored: number;
  converged: boolean;
  params: Record<string, number | null>;
}

/** The timed part, alone in its process so that its peak RSS is the pipeline's. */
async function refitChild(url: string): Promise<void> {
  const database = await createDatabase({ url, poolSize: 2 });
  const started = performance.now();
  const outcome = await refitCustomerValue(
    { workspaceId: WORKSPACE, actorId: "bench", role: "admin", purpose: null, requestId: "bench" },
    { repositories: createRepositories(database), now: () => new Date(END) },
    { observationEnd: new Date(END - DAY_MS) },
  );
  const totalMs = performance.now() - started;
  await database.close();
  if (outcome.kind !== "fitted") throw new Error("no customers");
  const figures: RefitFigures = {
    totalMs,
    maxRssKb: process.resourceUsage().maxRSS,
    seconds: outcome.seconds,
    rows: outcome.fit.rows,
    scored: outcome.customersScored,
    converged: outcome.fit.converged,
    params: outcome.fit.params,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/**
 * COPY customers and orders generated by BG/NBD (r = 3, α = 60 days,
 * a = 1, b = 9) with Gamma-Gamma spend (p = 3, q = 4, γ = 30): first
 * purchases uniform over three years, until `targetOrders`. Secondary
 * indexes and the foreign key are dropped during the load and rebuilt after.
 */
async function load(client: pg.Client, targetOrders: number): Promise<{ customers: number; orders: number }> {
  await client.query(`alter table orders drop constraint orders_workspace_id_customer_id_fkey;
    drop index orders_customer; drop index orders_time; alter table orders drop constraint orders_workspace_id_external_id_key`);
  const random = createRandom(7);
  const span = YEARS * 365;
  let customers = 0, orders = 0;
  const orderChunks = function* (): Generator<Buffer> {
    let text = "";
    while (orders < targetOrders) {
      const c = customers++;
      const rate = random.gamma(3, 1 / 60);
      const dropout = random.beta(1, 9);
      const nu = random.gamma(4, 1 / 30);
      let day = random.uniform() * span;
      for (let k = 0; ; k++) {
        const value = random.gamma(3, 1 / nu);
        text += `${WORKSPACE}\to${orders}\to${orders}\tc${c}\t${new Date(END - span * DAY_MS + day * DAY_MS).toISOString()}\tEUR\t${value.toFixed(2)}\n`;
        orders++;
        // BG/NBD: a customer may drop out after each repeat purchase (never at the first).
        if (k > 0 && random.uniform() < dropout) break;
        day += -Math.log(1 - random.uniform()) / rate;
        if (day >= span) break;
      }
      if (text.length > 1 << 20) {
        yield Buffer.from(text);
        text = "";
      }
    }
    if (text) yield Buffer.from(text);
  };
  await pipeline(Readable.from(orderChunks()), client.query(copyFrom("copy orders (workspace_id, id, external_id, customer_id, ordered_at, currency, total) from stdin")));
  const customerRows = function* (): Generator<Buffer> {
    for (let c = 0; c < customers; c += 50_000) {
      let text = "";
      for (let k = c; k < Math.min(customers, c + 50_000); k++) text += `${WORKSPACE}\tc${k}\tperson\n`;
      yield Buffer.from(text);
    }
  };
  await pipeline(Readable.from(customerRows()), client.query(copyFrom("copy customers (workspace_id, id, kind) from stdin")));
  await client.query(`alter table orders add constraint orders_workspace_id_external_id_key unique (workspace_id, external_id);
    create index orders_customer on orders (workspace_id, customer_id, ordered_at);
    create index orders_time on orders (workspace_id, ordered_at);
    alter table orders add constraint orders_workspace_id_customer_id_fkey foreign key (workspace_id, customer_id) references customers (workspace_id, id)`);
  await client.query("vacuum analyze orders");
  await client.query("vacuum analyze customers");
  return { customers, orders };
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
