import type { SlaCaseRecord, SlaPriority, SlaStatusChange } from "@tenure/domain";

interface LoadedRow {
  id: string;
  priority: string;
  status: string;
  team_id: string | null;
  team_time_zone: string | null;
  owner_user_id: string | null;
  customer_kind: string | null;
  size_band: string | null;
  attributes: Record<string, string | null> | null;
  opened_ms: string;
  first_response_ms: string | null;
  resolved_ms: string | null;
  /** "status@epoch-ms" joined by commas, oldest first */
  changes: string | null;
  awaiting_ms: string | null;
  responded_ms: string | null;
  /** The stored clocks (see storedClockSql), joined by ";" */
  stored: string | null;
}

/** A case read for the recompute, with its clocks as stored (storedClockKey's form). */
export interface LoadedSlaCase {
  record: SlaCaseRecord;
  storedClocks: string[];
}

/** Runs one statement with positional parameters: a held session's query, or Kysely's connection. */
export type RawQuery = <R>(text: string, parameters: readonly unknown[]) => Promise<R[]>;

const epochMs = (column: string): string => `(extract(epoch from ${column}) * 1000)::bigint`;

/** Whole epoch milliseconds of an instant stored from milliseconds (as case_sla's are): exact, and cheaper than numeric extract. */
const storedMs = (column: string): string => `round(date_part('epoch', ${column}) * 1000)::bigint`;

/** One stored clock as text: metric and slaClockColumns joined by "|", null as "" (format's %s). */
const storedClockSql = `format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', s.metric, s.policy_id, s.target_minutes, ${["s.started_at", "s.stopped_at", "s.due_at"].map(storedMs).join(", ")},
  s.elapsed_minutes, s.paused_minutes, s.state, ${storedMs("s.warned_at")}, ${storedMs("s.breached_at")}, case when s.settled then 't' else 'f' end)`;

/**
 * The cases the SLA clocks need, with $1 the workspace, $2 the customer
 * attribute keys policies name, $3 one case id or null (then every case not
 * yet settled: open, or resolved since its last computation — which settled
 * its clocks, or left a case_sla_settled_empty row when it gave none). The
 * status history and the stored clocks are one GROUP BY each; the next
 * response waits on the customer's latest update after the first response
 * and is answered by the first `response` event after it.
 */
const loadSql = `
  with target as (
    select c.* from cases c
    where c.workspace_id = $1
      and (case when $3::text is null
             then c.is_open or not (
               exists (select 1 from case_sla s where s.workspace_id = c.workspace_id and s.case_id = c.id and s.settled)
               or exists (select 1 from case_sla_settled_empty m
                          where m.workspace_id = c.workspace_id and m.case_id = c.id and m.resolved_at = coalesce(c.resolved_at, c.closed_at, c.updated_at)))
             else c.id = $3 end)
  ),
  history as (
    select e.case_id, string_agg(e.to_status || '@' || ${epochMs("e.occurred_at")}, ',' order by e.occurred_at, e.id) as changes
    from case_events e join target t on t.id = e.case_id
    where e.workspace_id = $1 and e.to_status is not null
    group by e.case_id
  ),
  stored as (
    select s.case_id, string_agg(${storedClockSql}, ';') as clocks
    from case_sla s join target t on t.id = s.case_id
    where s.workspace_id = $1
    group by s.case_id
  )
  select t.id, t.priority, t.status, t.team_id, tm.time_zone as team_time_zone, t.owner_user_id,
    cu.kind as customer_kind, cu.size_band,
    case when cardinality($2::text[]) > 0 then (select jsonb_object_agg(k, cu.attributes ->> k) from unnest($2::text[]) as k) end as attributes,
    ${epochMs("t.opened_at")} as opened_ms,
    ${epochMs("t.first_response_at")} as first_response_ms,
    case when not t.is_open then ${epochMs("coalesce(t.resolved_at, t.closed_at, t.updated_at)")} end as resolved_ms,
    h.changes,
    case when t.last_customer_update_at > t.first_response_at then ${epochMs("t.last_customer_update_at")} end as awaiting_ms,
    case when t.last_customer_update_at > t.first_response_at then ${epochMs(`(
      select min(r.occurred_at) from case_events r
      where r.workspace_id = $1 and r.case_id = t.id and r.kind = 'response' and r.occurred_at >= t.last_customer_update_at)`)} end as responded_ms,
    st.clocks as stored
  from target t
  left join teams tm on tm.workspace_id = t.workspace_id and tm.id = t.team_id
  left join customers cu on cu.workspace_id = t.workspace_id and cu.id = t.customer_id
  left join history h on h.case_id = t.id
  left join stored st on st.case_id = t.id`;

function parseChanges(text: string | null): SlaStatusChange[] {
  if (!text) return [];
  return text.split(",").map((item) => {
    const at = item.lastIndexOf("@");
    return { status: item.slice(0, at), atMs: Number(item.slice(at + 1)) };
  });
}

const toMs = (value: string | null): number | null => (value === null ? null : Number(value));

/** One set-based read of the cases whose SLA clocks need computing (see loadSql). */
export async function loadSlaCases(query: RawQuery, workspaceId: string, options: { attributeKeys: readonly string[]; caseId?: string }): Promise<LoadedSlaCase[]> {
  const rows = await query<LoadedRow>(loadSql, [workspaceId, [...options.attributeKeys], options.caseId ?? null]);
  return rows.map((row) => {
    const awaiting = toMs(row.awaiting_ms);
    const record: SlaCaseRecord = {
      caseId: row.id,
      priority: row.priority as SlaPriority,
      status: row.status,
      teamId: row.team_id,
      teamTimeZone: row.team_time_zone,
      ownerUserId: row.owner_user_id,
      customerKind: row.customer_kind,
      sizeBand: row.size_band,
      attributes: row.attributes ?? {},
      openedAtMs: Number(row.opened_ms),
      firstResponseAtMs: toMs(row.first_response_ms),
      resolvedAtMs: toMs(row.resolved_ms),
      statusChanges: parseChanges(row.changes),
      nextResponse: awaiting === null ? null : { awaitingSinceMs: awaiting, respondedAtMs: toMs(row.responded_ms) },
    };
    return { record, storedClocks: row.stored ? row.stored.split(";") : [] };
  });
}
