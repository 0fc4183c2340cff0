import { sql, type Kysely, type Selectable } from "kysely";
import type { CaseSlaState, SlaAlert, SlaClockState, SlaMetric, SlaRepository } from "@tenure/domain";
import type { Database } from "../../database/create-database.ts";
import type { Schema } from "../../database/schema.ts";
import { createSlaConfiguration } from "./sla-configuration.ts";
import { loadSlaCases } from "./sla-load-cases.ts";
import type { SlaTables } from "./sla-tables.ts";
import { writeSlaStates } from "./sla-write-states.ts";

const ms = (value: Date | null): number | null => (value === null ? null : value.getTime());

function toState(row: Selectable<SlaTables["case_sla"]>): CaseSlaState {
  return {
    caseId: row.case_id,
    metric: row.metric as SlaMetric,
    policyId: row.policy_id,
    targetMinutes: row.target_minutes,
    startedAtMs: row.started_at.getTime(),
    stoppedAtMs: ms(row.stopped_at),
    dueAtMs: ms(row.due_at),
    elapsedMinutes: row.elapsed_minutes,
    pausedMinutes: row.paused_minutes,
    warnedAtMs: ms(row.warned_at),
    breachedAtMs: ms(row.breached_at),
    state: row.state as SlaClockState,
    settled: row.settled,
  };
}

function toAlert(row: Selectable<SlaTables["sla_alerts"]>): SlaAlert {
  return {
    id: row.id,
    caseId: row.case_id,
    metric: row.metric as SlaMetric,
    kind: row.kind as SlaAlert["kind"],
    occurredAt: row.occurred_at,
    dueAt: row.due_at,
    teamId: row.team_id,
    ownerUserId: row.owner_user_id,
    notifyUserIds: row.notify_user_ids,
    createdAt: row.created_at,
  };
}

/**
 * SlaRepository: configuration and reads on `db` (joins a transaction), the
 * bulk state write on its own held connection (COPY), like the customer-value
 * writes.
 */
export function createSlaRepository(database: Database, base: Kysely<Schema>): SlaRepository {
  const db = base.withTables<SlaTables>();
  return {
    ...createSlaConfiguration(db),
    loadCases: (workspaceId, options) => loadSlaCases(db, workspaceId, options),
    writeStates: (workspaceId, caseIds, states, computedAt) => writeSlaStates(database, workspaceId, caseIds, states, computedAt),
    async listCaseStates(workspaceId, caseId) {
      const rows = await db.selectFrom("case_sla").selectAll().where("workspace_id", "=", workspaceId).where("case_id", "=", caseId).orderBy("metric").execute();
      return rows.map(toState);
    },
    async listAlerts(workspaceId, query) {
      let select = db.selectFrom("sla_alerts").selectAll().where("workspace_id", "=", workspaceId);
      if (query.kind) select = select.where("kind", "=", query.kind);
      if (query.caseId) select = select.where("case_id", "=", query.caseId);
      const rows = await select.orderBy("occurred_at", "desc").orderBy("id", "desc").limit(query.limit).execute();
      return rows.map(toAlert);
    },
    async attainment(workspaceId, range) {
      const result = await sql<{ metric: SlaMetric; met: string; breached: string }>`
        select metric, count(*) filter (where met) as met, count(*) filter (where not met) as breached
        from case_sla_outcomes
        where workspace_id = ${workspaceId} and started_at >= ${range.from} and started_at < ${range.to}
        group by metric order by metric`.execute(db);
      return result.rows.map((row) => {
        const met = Number(row.met);
        const breached = Number(row.breached);
        return { metric: row.metric, met, breached, attainment: met + breached > 0 ? met / (met + breached) : null };
      });
    },
  };
}
