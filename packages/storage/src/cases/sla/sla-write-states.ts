import { escapeCopyValue, newId } from "@tenure/shared";
import type { SqlSession } from "../../database/sql-session.ts";
import type { SlaClockChanges } from "./sla-clock-changes.ts";

const instants = ["started_at", "stopped_at", "due_at", "warned_at", "breached_at"];
const cols = "policy_id, target_minutes, started_at, stopped_at, due_at, elapsed_minutes, paused_minutes, state, warned_at, breached_at, settled";
/** The staged clock's values for case_sla: instants arrive as epoch milliseconds. */
const stagedValues = cols
  .split(", ")
  .map((c) => (instants.includes(c) ? `timestamptz 'epoch' + s.${c} * interval '1 millisecond'` : `s.${c}`))
  .join(", ");

/** New clocks from which the recompute refreshes case_sla's planner statistics itself. */
const manyNewClocks = 10_000;

function copyText(rows: readonly (readonly (string | null)[])[]): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map((v) => (v === null ? "\\N" : escapeCopyValue(v))).join("\t"));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/**
 * The new alerts of the staged clocks, warnings and breaches in one
 * statement; each notifies the owner and the leads of the case's team. A
 * breach is also the case event sla_breached (the escalation).
 */
async function insertAlerts(session: SqlSession, workspaceId: string, computedAt: Date): Promise<{ newWarnings: number; newBreaches: number }> {
  const at = (column: string) => `timestamptz 'epoch' + s.${column} * interval '1 millisecond'`;
  const rows = await session.query<{ kind: string; n: string }>(
    `with leads as (
       select team_id, array_agg(user_id) as users from responsibility_entries where workspace_id = $1 and lead and team_id is not null group by team_id
     ), fresh as (
       select s.case_id, s.metric, 'warning' as kind, ${at("started_at")} as started_at, ${at("warned_at")} as occurred_at, ${at("due_at")} as due_at from sla_stage s where s.new_warning
       union all
       select s.case_id, s.metric, 'breach', ${at("started_at")}, ${at("breached_at")}, ${at("due_at")} from sla_stage s where s.new_breach
     ), inserted as (
       insert into sla_alerts (workspace_id, id, case_id, metric, kind, started_at, occurred_at, due_at, team_id, owner_user_id, notify_user_ids, created_at)
       select $1, $2 || '_' || row_number() over (), f.case_id, f.metric, f.kind, f.started_at, f.occurred_at, f.due_at, c.team_id, c.owner_user_id,
         case when l.users is null then array_remove(array[c.owner_user_id], null)
           else array(select distinct u from unnest(array_append(l.users, c.owner_user_id)) u where u is not null order by u) end,
         $3
       from fresh f
       join cases c on c.workspace_id = $1 and c.id = f.case_id
       left join leads l on l.team_id = c.team_id
       on conflict (workspace_id, case_id, metric, kind, started_at) do nothing
       returning case_id, metric, kind, occurred_at, due_at
     ), escalated as (
       insert into case_events (workspace_id, id, case_id, kind, actor_user_id, occurred_at, data)
       select $1, $4 || '_' || row_number() over (), i.case_id, 'sla_breached', null, i.occurred_at,
         jsonb_build_object('metric', i.metric, 'due_at', i.due_at, 'actor', 'system:sla')
       from inserted i where i.kind = 'breach'
     )
     select kind, count(*) as n from inserted group by kind`,
    [workspaceId, newId("slaAlert", computedAt.getTime()), computedAt.toISOString(), newId("caseEvent", computedAt.getTime())],
  );
  const count = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { newWarnings: count("warning"), newBreaches: count("breach") };
}

/**
 * Store what changed on the open `session`: COPY the new and changed clocks
 * into a temporary table, raise their new alerts, update the changed clocks
 * and insert the new ones; delete the clocks no policy runs any more, and
 * mark resolved cases that gave no clock as settled. Unchanged clocks are
 * neither sent nor touched, so a steady run writes only the clocks that
 * warned, breached, paused, resumed or stopped.
 */
export async function writeSlaStates(session: SqlSession, workspaceId: string, changes: SlaClockChanges, computedAt: Date): Promise<{ newWarnings: number; newBreaches: number }> {
  let alerts = { newWarnings: 0, newBreaches: 0 };
  if (changes.writes.length > 0) {
    await session.query(`create temp table sla_stage (
      case_id text, metric text, policy_id text, target_minutes integer, started_at bigint, stopped_at bigint, due_at bigint,
      elapsed_minutes integer, paused_minutes integer, state text, warned_at bigint, breached_at bigint, settled boolean,
      stored boolean, new_warning boolean, new_breach boolean) on commit drop`);
    const flag = (b: boolean) => (b ? "t" : "f");
    await session.copyIn("sla_stage", copyText(changes.writes.map((w) => [w.state.caseId, w.state.metric, ...w.columns, flag(w.stored), flag(w.newWarning), flag(w.newBreach)])));
    // the planner knows nothing of fresh temporary tables: without statistics it picks nested loops
    await session.query("analyze sla_stage");
    if (changes.writes.some((w) => w.newWarning || w.newBreach)) alerts = await insertAlerts(session, workspaceId, computedAt);
    if (changes.writes.some((w) => w.stored)) {
      await session.query(
        `update case_sla o set (${cols}, computed_at) = (${stagedValues}, $2)
         from sla_stage s
         where s.stored and o.workspace_id = $1 and o.case_id = s.case_id and o.metric = s.metric`,
        [workspaceId, computedAt.toISOString()],
      );
    }
    // recomputes of a workspace take turns (see the repository), so no other one inserted these meanwhile
    await session.query(
      `insert into case_sla (workspace_id, case_id, metric, ${cols}, computed_at)
       select $1, s.case_id, s.metric, ${stagedValues}, $2 from sla_stage s where not s.stored`,
      [workspaceId, computedAt.toISOString()],
    );
    // after many new clocks (a first run, an import) the next read's plan needs case_sla's new size now, not when autovacuum comes by
    if (changes.writes.filter((w) => !w.stored).length >= manyNewClocks) await session.query("analyze case_sla");
  }
  if (changes.deletes.length > 0) {
    await session.query(`delete from case_sla o using unnest($2::text[], $3::text[]) d(case_id, metric) where o.workspace_id = $1 and o.case_id = d.case_id and o.metric = d.metric`, [
      workspaceId,
      changes.deletes.map((d) => d.caseId),
      changes.deletes.map((d) => d.metric),
    ]);
  }
  if (changes.settledEmpty.length > 0) {
    // the case's own end instant (microseconds), as long as it is still the one the clocks were computed at
    await session.query(
      `insert into case_sla_settled_empty (workspace_id, case_id, resolved_at)
       select c.workspace_id, c.id, coalesce(c.resolved_at, c.closed_at, c.updated_at)
       from unnest($2::text[], $3::bigint[]) d(case_id, resolved_ms)
       join cases c on c.workspace_id = $1 and c.id = d.case_id
       where not c.is_open and (extract(epoch from coalesce(c.resolved_at, c.closed_at, c.updated_at)) * 1000)::bigint = d.resolved_ms
       on conflict (workspace_id, case_id) do update set resolved_at = excluded.resolved_at`,
      [workspaceId, changes.settledEmpty.map((s) => s.caseId), changes.settledEmpty.map((s) => String(s.resolvedAtMs))],
    );
  }
  return alerts;
}
