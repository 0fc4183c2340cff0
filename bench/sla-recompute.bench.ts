/**
 * SLA recompute of 100k open cases on PostgreSQL: what the sla-recompute job
 * does every minute (recomputeSlaStates: one set-based read of the cases with
 * their status history, the clocks computed on shared business timelines,
 * only the new and changed clocks COPYed, alerts, update and insert). Cases spread over 20 teams
 * in 4 time zones with office-hours calendars and holidays; 40 % have been
 * pending the customer, 10 % on hold. Baseline in the same run: fetching the
 * open cases' rows alone (select * from cases), the least any recompute must
 * read. Target: ≤ 10 s.
 * Run: node --import tsx bench/sla-recompute.bench.ts   (needs the PostgreSQL
 * server at BENCH_SERVER_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * creates and drops a database of its own; BENCH_CASES overrides 100 000)
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { sql } from "kysely";
import { recomputeSlaStates, saveBusinessCalendar, saveSlaPolicy } from "../packages/app/src/index.ts";
import { weekdays, type SlaWriteReport, type Weekday, type WorkingPeriod } from "../packages/domain/src/index.ts";
import { adminQuery, createDatabase, createRepositories, migrate } from "../packages/storage/src/index.ts";

const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const cases = Number(process.env.BENCH_CASES ?? 100_000);
const runs = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(" ");
console.log(`load average at start: ${loadAverage()} (2 cores shared with other work)`);
const name = `tenure_bench_sla_${randomBytes(4).toString("hex")}`;
await adminQuery(serverUrl, `create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await createDatabase({ url: url.toString(), poolSize: 2 });
try {
  await migrate(database);
  const db = database.db;
  const ws = "ws_b";
  await db.insertInto("workspaces").values({ id: ws, name: "Bench", slug: "bench", settings: "{}" }).execute();
  const loadStarted = performance.now();
  await sql`insert into teams (workspace_id, id, name, time_zone)
    select ${ws}, 'tm_' || g, 'Team ' || g, (array['Europe/Berlin','America/New_York','Asia/Tokyo','UTC'])[1 + g % 4] from generate_series(0, 19) g`.execute(db);
  await sql`insert into users (workspace_id, id, email, name, role) select ${ws}, 'usr_' || g, 'u' || g || '@bench.example', 'User ' || g, 'agent' from generate_series(0, 199) g`.execute(db);
  await sql`insert into customers (workspace_id, id, kind, name, size_band, attributes)
    select ${ws}, 'cus_' || g, case when g % 3 = 0 then 'organization' else 'person' end, 'C' || g, case when g % 3 = 0 then (array['1-10','11-100','1000+'])[1 + g % 3] end,
      jsonb_build_object('plan', case when g % 10 = 0 then 'enterprise' else 'basic' end)
    from generate_series(0, 9999) g`.execute(db);
  // opened over the last 30 days; 60 % answered after 10–600 minutes; 30 % with a customer update after the answer
  await sql`insert into cases (workspace_id, id, customer_id, subject, priority, status, owner_user_id, team_id, opened_at, first_response_at, last_customer_update_at)
    select ${ws}, 'case_' || g, 'cus_' || (g % 10000), 'Case ' || g, (array['low','normal','high','urgent'])[1 + g % 4],
      case when g % 10 < 4 then 'pending_customer' when g % 10 = 4 then 'on_hold' else 'open' end,
      'usr_' || (g % 200), 'tm_' || (g % 20), opened,
      case when g % 5 < 3 then opened + (10 + g % 590) * interval '1 minute' end,
      case when g % 10 < 3 then opened + (700 + g % 900) * interval '1 minute' end
    from (select g, now() - (g % 43200) * interval '1 minute' - interval '1 hour' as opened from generate_series(0, ${cases - 1}) g) s`.execute(db);
  await sql`insert into case_events (workspace_id, id, case_id, kind, to_status, occurred_at)
    select workspace_id, 'evt_o' || id, id, 'created', 'open', opened_at from cases
    union all
    select workspace_id, 'evt_p' || id, id, 'status_changed', status, opened_at + interval '30 minutes' from cases where status in ('pending_customer', 'on_hold')
    union all
    select workspace_id, 'evt_r' || id, id, 'response', null, first_response_at from cases where first_response_at is not null`.execute(db);
  await sql`vacuum analyze`.execute(db);
  console.log(`loaded ${cases.toLocaleString("en")} open cases with their history in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  const repositories = createRepositories(database);
  const deps = { repositories };
  const ctx = { workspaceId: ws, actorId: "bench", role: "admin" as const, purpose: null, requestId: "bench" };
  const office = Object.fromEntries(weekdays.map((d) => [d, d === "sat" || d === "sun" ? [] : [{ start: "09:00", end: "12:30" }, { start: "13:30", end: "18:00" }]])) as Record<Weekday, WorkingPeriod[]>;
  await saveBusinessCalendar(ctx, deps, { name: "Office (team zone)", timeZone: null, teamId: null, isDefault: true, hours: office, holidays: ["2026-01-01", "2026-12-25", "2026-12-26"] });
  await saveBusinessCalendar(ctx, deps, { name: "Tokyo desk", timeZone: "Asia/Tokyo", teamId: "tm_2", isDefault: false, hours: office, holidays: ["2026-11-03", "2026-11-23"] });
  const targets = { low: [480, 960, 4800], normal: [240, 480, 2400], high: [60, 240, 960], urgent: [30, 60, 480] } as const;
  for (const [priority, [first, next, resolution]] of Object.entries(targets)) {
    await saveSlaPolicy(ctx, deps, { name: priority, priority: priority as keyof typeof targets, segment: null, firstResponseMinutes: first, nextResponseMinutes: next, resolutionMinutes: resolution, warnAtPercent: 80, pauseOnHold: true, position: 0 });
  }
  await saveSlaPolicy(ctx, deps, { name: "Enterprise", priority: null, segment: { attribute: { key: "plan", value: "enterprise" } }, firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480, warnAtPercent: 75, pauseOnHold: true, position: 0 });

  const readMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await sql`select * from cases where workspace_id = ${ws} and is_open`.execute(db);
    readMs.push(performance.now() - started);
  }
  const load = loadAverage();
  const phases = (r: SlaWriteReport) => `read ${r.timings.readMs.toFixed(0)} + compute ${r.timings.computeMs.toFixed(0)} + write ${r.timings.writeMs.toFixed(0)} ms`;
  const firstStarted = performance.now();
  const first = await recomputeSlaStates(ctx, deps);
  const firstMs = performance.now() - firstStarted;
  const steadyMs: number[] = [];
  let last = first;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await recomputeSlaStates(ctx, deps);
    steadyMs.push(performance.now() - started);
  }
  const baseline = median(readMs);
  const steady = median(steadyMs);
  console.log(`load average at measuring time: ${load}, at the end: ${loadAverage()}`);
  console.log(`baseline, fetching the open cases' rows alone: ${baseline.toFixed(0)} ms (median of ${runs})`);
  console.log(
    `first recompute (all clocks inserted, alerts raised): ${firstMs.toFixed(0)} ms — ${(firstMs / baseline).toFixed(2)}× the baseline (${phases(first)}); ` +
      `${first.cases.toLocaleString("en")} cases, ${first.clocks.toLocaleString("en")} clocks, ${first.newWarnings.toLocaleString("en")} warnings, ${first.newBreaches.toLocaleString("en")} breaches`,
  );
  console.log(`steady recompute (every minute): ${steady.toFixed(0)} ms (median of ${runs}) — ${(steady / baseline).toFixed(2)}× the baseline (last: ${phases(last)})`);
  console.log(`target ≤ 10 000 ms for a full recompute: ${Math.max(steady, firstMs) <= 10_000 ? "met" : "NOT met"}`);
} finally {
  await database.close();
  await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}
