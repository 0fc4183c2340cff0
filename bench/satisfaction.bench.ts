/**
 * Satisfaction metrics over 1M answers on PostgreSQL: the one aggregate
 * behind GET /api/analytics/satisfaction (NPS, CSAT, CES, ACSI sums and
 * cross-products per month, plus invitations) and the metrics computed from
 * it (getSatisfaction), over one year. Baseline in the same run: a bare
 * count(*) of the same rows. Target: ≤ 500 ms.
 * Run: node --import tsx bench/satisfaction.bench.ts   (needs the PostgreSQL
 * server at BENCH_SERVER_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * creates and drops a database of its own)
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { getSatisfaction } from "../packages/app/src/index.ts";
import { adminQuery, createDatabase, createRepositories, migrate } from "../packages/storage/src/index.ts";

const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const answers = Number(process.env.BENCH_ANSWERS ?? 1_000_000);
const runs = 5;

const admin = (statement: string): Promise<void> => adminQuery(serverUrl, statement);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  await work(); // warm
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  return median(ms);
}

const name = `tenure_bench_sat_${randomBytes(4).toString("hex")}`;
await admin(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await createDatabase({ url: url.toString(), poolSize: 2 });
try {
  await migrate(database);
  const db = database.db;
  await db.insertInto("workspaces").values({ id: "ws_b", name: "Bench", slug: "bench", settings: "{}" }).execute();
  await db.insertInto("surveys").values({ workspace_id: "ws_b", id: "srv_b", name: "NPS", kind: "nps", questions: "[]" }).execute();
  const loadStarted = performance.now();
  // answers spread over 2025, NPS on every row, ACSI on half, CSAT/CES on a third
  await sql`insert into survey_responses (workspace_id, id, survey_id, source, responded_at, nps, csat, ces, acsi_overall, acsi_expectations, acsi_ideal, answers)
    select 'ws_b', 'sres_' || g, 'srv_b', 'import', timestamptz '2025-01-01' + (g % 365) * interval '1 day' + (g % 86400) * interval '1 second',
      (g * 7) % 11, case when g % 3 = 0 then 1 + (g % 5) end, case when g % 3 = 1 then 1 + (g % 7) end,
      case when g % 2 = 0 then 1 + (g % 10) end, case when g % 2 = 0 then 1 + ((g / 3) % 10) end, case when g % 2 = 0 then 1 + ((g / 7) % 10) end, '{}'
    from generate_series(1, ${answers}) g`.execute(db);
  // as autovacuum would have: the visibility map lets both queries scan the covering index only
  await sql`vacuum analyze survey_responses`.execute(db);
  console.log(`loaded ${answers.toLocaleString("en")} answers in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  const repositories = createRepositories(database);
  const ctx = { workspaceId: "ws_b", actorId: "bench", role: "admin" as const, purpose: null, requestId: "bench" };
  const from = new Date("2025-01-01T00:00:00Z");
  const to = new Date("2026-01-01T00:00:00Z");
  const baseline = await time(() => sql`select count(*) from survey_responses where workspace_id = 'ws_b' and responded_at >= ${from} and responded_at < ${to}`.execute(db));
  let report: Awaited<ReturnType<typeof getSatisfaction>> | undefined;
  const metrics = await time(async () => {
    report = await getSatisfaction(ctx, { repositories }, { from, to });
  });
  console.log(`count(*) baseline: ${baseline.toFixed(1)} ms (median of ${runs})`);
  console.log(`NPS + CSAT + CES + CSI + series (getSatisfaction): ${metrics.toFixed(1)} ms — ${(metrics / baseline).toFixed(2)}× the baseline; target ≤ 500 ms: ${metrics <= 500 ? "met" : "NOT met"}`);
  console.log(`check: responses ${report?.responses}, NPS ${report?.nps.nps?.toFixed(2)} ± ${report?.nps.marginOfError?.toFixed(2)}, CSI ${report?.csi.csi?.toFixed(2)} (${report?.csi.weighting}), months ${report?.series.length}`);
} finally {
  await database.close();
  await admin(`drop database if exists ${name} with (force)`);
}
