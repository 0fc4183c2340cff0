/**
 * Satisfaction metrics over 1M answers: the one aggregate behind
 * GET /api/analytics/satisfaction (NPS, CSAT, CES, ACSI sums and
 * cross-products per month, plus invitations) and the metrics computed from
 * it (getSatisfaction), over one year: for the whole workspace (whole days
 * from satisfaction_days) and for one segment (country:DE, a tenth of the
 * answers, read from the answers themselves). Baseline in the same run: a
 * bare count(*) of the same rows. Besides wall time, each statement's
 * EXPLAIN ANALYZE execution time (the server's own figure, less moved by
 * other work on the machine). Target: ≤ 500 ms.
 * Run: flock /tmp/bench.lock node --import tsx bench/satisfaction.bench.ts
 * On PostgreSQL (default) it needs the server at BENCH_SERVER_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and creates and drops a
 * database of its own; BENCH_ENGINE=pglite runs on an in-memory PGlite.
 */
import { cpus, loadavg } from "node:os";
import { CompiledQuery, createQueryId, sql, type KyselyPlugin, type RootOperationNode } from "kysely";
import { getSatisfaction } from "../packages/app/src/index.ts";
import { createDatabase, createRepositories, migrate, type Database } from "../packages/storage/src/index.ts";
import { withBenchDatabase } from "./support/bench-database.ts";
import { median, medianMs } from "./support/bench-timing.ts";

const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const engine = process.env.BENCH_ENGINE === "pglite" ? "pglite" : "postgres";
const answers = Number(process.env.BENCH_ANSWERS ?? 1_000_000);
const customers = 100_000;
const runs = 5;

const load = () => `load average ${loadavg().map((v) => v.toFixed(1)).join(" ")} on ${cpus().length} cores`;
console.log(`start: ${load()}`);

async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  if (engine === "postgres") return withBenchDatabase(serverUrl, "sat", work);
  const database = await createDatabase();
  try {
    await migrate(database);
    await work(database);
  } finally {
    await database.close();
  }
}

await withDatabase(async (database) => {
  const { db } = database;
  await db.insertInto("workspaces").values({ id: "ws_b", name: "Bench", slug: "bench", settings: "{}" }).execute();
  await db.insertInto("surveys").values({ workspace_id: "ws_b", id: "srv_b", name: "NPS", kind: "nps", questions: "[]" }).execute();
  await sql`insert into customers (workspace_id, id, kind, country)
    select 'ws_b', 'cus_' || c, 'person', (array['DE','FR','US','GB','JP','CN','RU','IT','ES','NL'])[1 + c % 10] from generate_series(0, ${customers - 1}) c`.execute(db);
  const loadStarted = performance.now();
  // answers spread over 2025 and the customers, NPS on every row, ACSI on half, CSAT/CES on a third
  await sql`insert into survey_responses (workspace_id, id, survey_id, customer_id, source, responded_at, nps, csat, ces, acsi_overall, acsi_expectations, acsi_ideal, answers)
    select 'ws_b', 'sres_' || g, 'srv_b', 'cus_' || (g::bigint * 7919) % ${customers}, 'import',
      timestamptz '2025-01-01' + (g % 365) * interval '1 day' + (g % 86400) * interval '1 second',
      (g * 7) % 11, case when g % 3 = 0 then 1 + (g % 5) end, case when g % 3 = 1 then 1 + (g % 7) end,
      case when g % 2 = 0 then 1 + (g % 10) end, case when g % 2 = 0 then 1 + ((g / 3) % 10) end, case when g % 2 = 0 then 1 + ((g / 7) % 10) end, '{}'
    from generate_series(1, ${answers}) g`.execute(db);
  console.log(`loaded ${answers.toLocaleString("en")} answers of ${customers.toLocaleString("en")} customers in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s (with the statement triggers)`);
  // as autovacuum would have: the visibility map lets the scans read the covering index only
  await sql`vacuum analyze`.execute(db);

  // The same database keeping each statement it runs, to EXPLAIN what getSatisfaction ran.
  let last: RootOperationNode | undefined;
  const recorder: KyselyPlugin = { transformQuery: ({ node }) => (last = node), transformResult: async ({ result }) => result };
  const recorded: Database = { ...database, db: db.withPlugin(recorder) };
  const repositories = createRepositories(recorded);
  const ctx = { workspaceId: "ws_b", actorId: "bench", role: "admin" as const, purpose: null, requestId: "bench" };
  const from = new Date("2025-01-01T00:00:00Z");
  const to = new Date("2026-01-01T00:00:00Z");
  const explainedMs = async (node: RootOperationNode): Promise<number> => {
    const query = db.getExecutor().compileQuery(node, createQueryId());
    const explain = CompiledQuery.raw(`explain (analyze, timing off, format json) ${query.sql}`, [...query.parameters]);
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const plan = await db.executeQuery<{ "QUERY PLAN": [{ "Execution Time": number }] }>(explain);
      ms.push(plan.rows[0]?.["QUERY PLAN"][0]["Execution Time"] ?? Number.NaN);
    }
    return median(ms);
  };
  const measure = async (work: () => Promise<unknown>) => {
    const wall = await medianMs(work, runs);
    if (last === undefined) throw new Error("no statement recorded");
    return { wall, server: await explainedMs(last) };
  };

  const baseline = await measure(() => recorded.db.selectFrom("survey_responses").select((eb) => eb.fn.countAll().as("n")).where("workspace_id", "=", "ws_b").where("responded_at", ">=", from).where("responded_at", "<", to).execute());
  let report: Awaited<ReturnType<typeof getSatisfaction>> | undefined;
  const whole = await measure(async () => {
    report = await getSatisfaction(ctx, { repositories }, { from, to });
  });
  const segment = await measure(() => getSatisfaction(ctx, { repositories }, { from, to, segment: "country:DE" }));

  const figure = (label: string, m: { wall: number; server: number }) =>
    console.log(
      `${label}: ${m.wall.toFixed(1)} ms, ${(m.wall / baseline.wall).toFixed(2)}× the baseline (statement ${m.server.toFixed(1)} ms, ${(m.server / baseline.server).toFixed(2)}×); target ≤ 500 ms: ${m.wall <= 500 ? "met" : "NOT met"}`,
    );
  console.log(`${engine}, count(*) baseline: ${baseline.wall.toFixed(1)} ms (EXPLAIN ANALYZE execution ${baseline.server.toFixed(1)} ms); medians of ${runs}`);
  figure("NPS + CSAT + CES + CSI + series (getSatisfaction), whole workspace", whole);
  figure("the same for segment country:DE (a tenth of the answers)", segment);
  console.log(`check: responses ${report?.responses}, NPS ${report?.nps.nps?.toFixed(2)} ± ${report?.nps.marginOfError?.toFixed(2)}, CSI ${report?.csi.csi?.toFixed(2)} (${report?.csi.weighting}), months ${report?.series.length}`);
});
console.log(`end: ${load()}`);
