/**
 * The case queue over 1M cases on PostgreSQL: listCases with the typical
 * filters of a team's queue (open statuses of one team, sorted by priority
 * then age, first page of 50 with the total), then the next page by cursor.
 * Baseline in the same run: a plain indexed count(*) of that team's open
 * cases. Target: ≤ 50 ms.
 * Run: node --import tsx bench/case-queue.bench.ts   (needs the PostgreSQL
 * server at BENCH_SERVER_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * creates and drops a database of its own)
 */
import { loadavg } from "node:os";
import { sql } from "kysely";
import { listCases } from "../packages/app/src/index.ts";
import { createRepositories } from "../packages/storage/src/index.ts";
import { withBenchDatabase } from "./support/bench-database.ts";
import { medianMs } from "./support/bench-timing.ts";

const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const teams = 20;
const runs = 9;

const time = (work: () => Promise<unknown>) => medianMs(work, runs);

await withBenchDatabase(serverUrl, "cases", async (database) => {
  const db = database.db;
  await db.insertInto("workspaces").values({ id: "ws_b", name: "Bench", slug: "bench", settings: "{}" }).execute();
  const loadStarted = performance.now();
  await sql`insert into customers (workspace_id, id, kind, name) select 'ws_b', 'cus_' || g, 'organization', 'Customer ' || g from generate_series(1, 50000) g`.execute(db);
  await sql`insert into teams (workspace_id, id, name) select 'ws_b', 'team_' || g, 'Team ' || g from generate_series(1, ${teams}) g`.execute(db);
  // Two years of cases; the older ones resolved or closed, the last ~8% still open.
  await sql`insert into cases (workspace_id, id, customer_id, subject, channel, priority, status, team_id, opened_at, resolved_at, resolution_note)
    select 'ws_b', 'case_' || lpad(g::text, 8, '0'), 'cus_' || (1 + g % 50000), 'Case ' || g, 'email',
      (array['low','normal','normal','normal','high','urgent'])[1 + (g / 20) % 6],
      case when g > ${caseCount} * 0.92 then (array['new','open','open','pending_customer','on_hold'])[1 + g % 5]
           when g % 3 = 0 then 'closed' else 'resolved' end,
      'team_' || (1 + (g * 13) % ${teams}),
      timestamptz '2024-11-01' + (g::float8 / ${caseCount}) * interval '730 days',
      case when g <= ${caseCount} * 0.92 then timestamptz '2024-11-01' + (g::float8 / ${caseCount}) * interval '730 days' + interval '1 day' end,
      case when g <= ${caseCount} * 0.92 then 'done' end
    from generate_series(1, ${caseCount}) g`.execute(db);
  await sql`vacuum analyze cases`.execute(db);
  console.log(`loaded ${caseCount.toLocaleString("en")} cases (${teams} teams) in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  const repositories = createRepositories(database);
  const ctx = { workspaceId: "ws_b", actorId: "bench", role: "admin" as const, purpose: null, requestId: "bench" };
  const queue = { statuses: ["new", "open", "pending_customer", "on_hold"] as const, teamId: "team_7", limit: 50 };
  const baseline = await time(() => sql`select count(*) from cases where workspace_id = 'ws_b' and is_open and team_id = 'team_7'`.execute(db));
  let first: Awaited<ReturnType<typeof listCases>> | undefined;
  const firstPage = await time(async () => {
    first = await listCases(ctx, { repositories }, queue);
  });
  const cursor = first?.nextCursor ?? undefined;
  const nextPage = await time(() => listCases(ctx, { repositories }, { ...queue, cursor }));
  const load = loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`load average at measuring time: ${load}`);
  console.log(`count(*) baseline (team's open cases, index-only): ${baseline.toFixed(2)} ms (median of ${runs})`);
  console.log(`queue, first page of 50 + total (listCases): ${firstPage.toFixed(2)} ms — ${(firstPage / baseline).toFixed(2)}× the baseline; target ≤ 50 ms: ${firstPage <= 50 ? "met" : "NOT met"}`);
  console.log(`queue, next page by cursor: ${nextPage.toFixed(2)} ms — ${(nextPage / baseline).toFixed(2)}× the baseline`);
  console.log(`check: total ${first?.total}, first ${first?.items[0]?.priority} opened ${first?.items[0]?.openedAt.toISOString()}, page ${first?.items.length}`);
});
