import type { CaseSlaState } from "@tenure/domain";
import { newId } from "@tenure/shared";
import { escapeCopyValue } from "../../database/encode-copy-text.ts";
import type { SqlSession } from "../../database/sql-session.ts";

const cols = "policy_id, target_minutes, started_at, stopped_at, due_at, elapsed_minutes, paused_minutes, state, warned_at, breached_at, settled";

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function copyText(rows: readonly (readonly (string | null)[])[]): string {
  let text = "";
  for (const row of rows) text += `${row.map((v) => (v === null ? "\\N" : escapeCopyValue(v))).join("\t")}\n`;
  return text;
}

/**
 * New alerts of one kind: clocks of the stage whose threshold instant is set
 * now and was not for the same clock run before (a new run has a new
 * started_at). Each notifies the owner and the leads of the case's team.
 */
async function insertAlerts(session: SqlSession, workspaceId: string, kind: "warning" | "breach", computedAt: Date): Promise<number> {
  const column = kind === "warning" ? "warned_at" : "breached_at";
  const rows = await session.query<{ n: string }>(
    `with leads as (
       select team_id, array_agg(user_id) as users from responsibility_entries where workspace_id = $1 and lead and team_id is not null group by team_id
     ), fresh as (
       select s.case_id, s.metric, s.started_at, s.${column} as occurred_at, s.due_at, c.team_id, c.owner_user_id, coalesce(l.users, '{}') as leads
       from sla_stage s
       join cases c on c.workspace_id = $1 and c.id = s.case_id
       left join leads l on l.team_id = c.team_id
       left join case_sla o on o.workspace_id = $1 and o.case_id = s.case_id and o.metric = s.metric
       where s.${column} is not null and (o.${column} is null or o.started_at <> s.started_at)
     ), inserted as (
       insert into sla_alerts (workspace_id, id, case_id, metric, kind, started_at, occurred_at, due_at, team_id, owner_user_id, notify_user_ids, created_at)
       select $1, $2 || '_' || row_number() over (), f.case_id, f.metric, $3, f.started_at, f.occurred_at, f.due_at, f.team_id, f.owner_user_id,
         array(select distinct u from unnest(array_append(f.leads, f.owner_user_id)) u where u is not null order by u),
         $4
       from fresh f
       on conflict (workspace_id, case_id, metric, kind, started_at) do nothing
       returning case_id, metric, occurred_at, due_at
     ), escalated as (
       insert into case_events (workspace_id, id, case_id, kind, actor_user_id, occurred_at, data)
       select $1, $5 || '_' || row_number() over (), i.case_id, 'sla_breached', null, i.occurred_at,
         jsonb_build_object('metric', i.metric, 'due_at', i.due_at, 'actor', 'system:sla')
       from inserted i where $3 = 'breach'
     )
     select count(*) as n from inserted`,
    [workspaceId, newId("slaAlert", computedAt.getTime()), kind, computedAt.toISOString(), newId("caseEvent", computedAt.getTime())],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Store the clocks of `caseIds` on the open `session`: COPY the computed
 * clocks and case ids into temporary tables, raise the new alerts (comparing
 * with the stored state), delete the clocks no longer running (policy
 * changed), update the clocks that changed and insert the new ones — so in
 * the steady state only clocks that warned, breached, paused, resumed or
 * stopped are written.
 */
export async function writeSlaStates(session: SqlSession, workspaceId: string, caseIds: readonly string[], states: readonly CaseSlaState[], computedAt: Date): Promise<{ newWarnings: number; newBreaches: number }> {
  await session.query(`create temp table sla_stage (
    case_id text, metric text, policy_id text, target_minutes integer, started_at timestamptz, stopped_at timestamptz, due_at timestamptz,
    elapsed_minutes integer, paused_minutes integer, state text, warned_at timestamptz, breached_at timestamptz, settled boolean) on commit drop`);
  await session.query("create temp table sla_stage_cases (case_id text) on commit drop");
  await session.copyIn("sla_stage_cases (case_id)", copyText(caseIds.map((id) => [id])));
  await session.copyIn(
    "sla_stage",
    copyText(
      states.map((s) => [
        s.caseId,
        s.metric,
        s.policyId,
        String(s.targetMinutes),
        iso(s.startedAtMs),
        iso(s.stoppedAtMs),
        iso(s.dueAtMs),
        // a running clock's minutes change every minute: stored once it stops, computed on read before
        s.stoppedAtMs === null ? null : String(Math.floor(s.elapsedMinutes)),
        s.stoppedAtMs === null ? null : String(Math.floor(s.pausedMinutes)),
        s.state,
        iso(s.warnedAtMs),
        iso(s.breachedAtMs),
        s.settled ? "t" : "f",
      ]),
    ),
  );
  // the planner knows nothing of fresh temporary tables: without statistics it picks nested loops
  await session.query("analyze sla_stage");
  await session.query("analyze sla_stage_cases");
  const newWarnings = await insertAlerts(session, workspaceId, "warning", computedAt);
  const newBreaches = await insertAlerts(session, workspaceId, "breach", computedAt);
  await session.query(
    `delete from case_sla o using sla_stage_cases c
     where o.workspace_id = $1 and o.case_id = c.case_id
       and not exists (select 1 from sla_stage s where s.case_id = o.case_id and s.metric = o.metric)`,
    [workspaceId],
  );
  // Update only the clocks that changed, then insert the new ones: unlike
  // ON CONFLICT DO UPDATE, unchanged rows are neither locked nor rewritten.
  // (Not NOT EXISTS for the insert: on an empty table the planner may loop
  // over the heap the statement itself is filling.)
  await session.query(
    `update case_sla o set
       policy_id = s.policy_id, target_minutes = s.target_minutes, started_at = s.started_at, stopped_at = s.stopped_at, due_at = s.due_at,
       elapsed_minutes = s.elapsed_minutes, paused_minutes = s.paused_minutes, state = s.state, warned_at = s.warned_at, breached_at = s.breached_at,
       settled = s.settled, computed_at = $2
     from sla_stage s
     where o.workspace_id = $1 and o.case_id = s.case_id and o.metric = s.metric
       and (o.${cols.replace(/, /g, ", o.")}) is distinct from (s.${cols.replace(/, /g, ", s.")})`,
    [workspaceId, computedAt.toISOString()],
  );
  await session.query(
    `insert into case_sla (workspace_id, case_id, metric, ${cols}, computed_at)
     select $1, s.case_id, s.metric, s.${cols.replace(/, /g, ", s.")}, $2 from sla_stage s
     on conflict (workspace_id, case_id, metric) do nothing`,
    [workspaceId, computedAt.toISOString()],
  );
  return { newWarnings, newBreaches };
}
