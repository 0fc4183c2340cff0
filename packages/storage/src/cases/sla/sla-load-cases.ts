import { sql } from "kysely";
import type { SlaCaseRecord, SlaPriority, SlaStatusChange } from "@tenure/domain";
import type { SlaDb } from "./sla-tables.ts";

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
}

function parseChanges(text: string | null): SlaStatusChange[] {
  if (!text) return [];
  return text.split(",").map((item) => {
    const at = item.lastIndexOf("@");
    return { status: item.slice(0, at), atMs: Number(item.slice(at + 1)) };
  });
}

const toMs = (value: string | null): number | null => (value === null ? null : Number(value));

/**
 * One set-based read of the cases the SLA clocks need: every case not yet
 * settled (open, or resolved since its last computation), with its team's
 * zone, the customer's segment fields, its status history (one GROUP BY over
 * case_events) and the customer's latest update after the first response, which the
 * next response (the first `response` event after it) answers.
 */
export async function loadSlaCases(db: SlaDb, workspaceId: string, options: { attributeKeys: readonly string[]; caseId?: string }): Promise<SlaCaseRecord[]> {
  const keys = [...options.attributeKeys];
  const caseFilter = options.caseId
    ? sql`c.id = ${options.caseId}`
    : sql`(c.status not in ('resolved', 'closed') or not exists (select 1 from case_sla s where s.workspace_id = c.workspace_id and s.case_id = c.id and s.settled))`;
  const result = await sql<LoadedRow>`
    with target as (
      select c.* from cases c where c.workspace_id = ${workspaceId} and ${caseFilter}
    ),
    history as (
      select e.case_id, string_agg(e.to_status || '@' || (extract(epoch from e.occurred_at) * 1000)::bigint, ',' order by e.occurred_at, e.id) as changes
      from case_events e join target t on t.id = e.case_id
      where e.workspace_id = ${workspaceId} and e.to_status is not null
      group by e.case_id
    ),
    waiting as (
      select t.id as case_id, t.last_customer_update_at as awaiting_at
      from target t
      where t.first_response_at is not null and t.last_customer_update_at > t.first_response_at
    )
    select t.id, t.priority, t.status, t.team_id, tm.time_zone as team_time_zone, t.owner_user_id,
      cu.kind as customer_kind, cu.size_band,
      ${keys.length > 0 ? sql`(select jsonb_object_agg(k, cu.attributes ->> k) from unnest(${keys}::text[]) as k)` : sql`null::jsonb`} as attributes,
      (extract(epoch from t.opened_at) * 1000)::bigint as opened_ms,
      (extract(epoch from t.first_response_at) * 1000)::bigint as first_response_ms,
      case when t.status in ('resolved', 'closed') then (extract(epoch from coalesce(t.resolved_at, t.closed_at, t.updated_at)) * 1000)::bigint end as resolved_ms,
      h.changes,
      (extract(epoch from w.awaiting_at) * 1000)::bigint as awaiting_ms,
      (extract(epoch from (
        select min(r.occurred_at) from case_events r
        where r.workspace_id = ${workspaceId} and r.case_id = t.id and r.kind = 'response' and r.occurred_at >= w.awaiting_at
      )) * 1000)::bigint as responded_ms
    from target t
    left join teams tm on tm.workspace_id = t.workspace_id and tm.id = t.team_id
    left join customers cu on cu.workspace_id = t.workspace_id and cu.id = t.customer_id
    left join history h on h.case_id = t.id
    left join waiting w on w.case_id = t.id
  `.execute(db);
  return result.rows.map((row) => {
    const awaiting = toMs(row.awaiting_ms);
    return {
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
  });
}
