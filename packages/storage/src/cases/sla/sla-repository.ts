import { CompiledQuery, sql, type Kysely, type Selectable } from "kysely";
import type { SlaAlert, SlaMetric, SlaRepository } from "@tenure/domain";
import type { Database } from "../../database/create-database.ts";
import type { Schema } from "../../database/schema.ts";
import { openSqlSession } from "../../database/sql-session.ts";
import { createSlaConfiguration } from "./sla-configuration.ts";
import { slaClockChanges } from "./sla-clock-changes.ts";
import { loadSlaCases, type RawQuery } from "./sla-load-cases.ts";
import type { SlaTables } from "./sla-tables.ts";
import { writeSlaStates } from "./sla-write-states.ts";

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
    async loadCase(workspaceId, caseId, attributeKeys) {
      const query: RawQuery = async (text, parameters) => (await db.executeQuery(CompiledQuery.raw(text, [...parameters]))).rows as never[];
      const [loaded] = await loadSlaCases(query, workspaceId, { attributeKeys, caseId });
      return loaded?.record ?? null;
    },
    async recompute(workspaceId, attributeKeys, compute, computedAt) {
      const session = await openSqlSession(database);
      let ended = false;
      try {
        // bulk statements: JIT compilation costs more than it saves here, sorts fit in memory
        await session.query("set local jit = off");
        await session.query("set local work_mem = '64MB'");
        // one recompute of a workspace at a time (the job and POST /api/sla/recompute): each compares with what the last one stored
        await session.query("select pg_advisory_xact_lock(hashtextextended('sla-recompute:' || $1, 0))", [workspaceId]);
        const started = performance.now();
        const cases = await loadSlaCases(session.query, workspaceId, { attributeKeys });
        const read = performance.now();
        const states = compute(cases.map((c) => c.record));
        const changes = slaClockChanges(cases, states);
        const computed = performance.now();
        const alerts = await writeSlaStates(session, workspaceId, changes, computedAt);
        await session.end(true);
        ended = true;
        const written = performance.now();
        return { cases: cases.length, clocks: states.length, ...alerts, timings: { readMs: read - started, computeMs: computed - read, writeMs: written - computed } };
      } finally {
        if (!ended) await session.end(false);
      }
    },
    async listAlerts(workspaceId, query) {
      let select = db.selectFrom("sla_alerts").selectAll().where("workspace_id", "=", workspaceId);
      if (query.kind) select = select.where("kind", "=", query.kind);
      if (query.caseId) select = select.where("case_id", "=", query.caseId);
      if (query.notifiedUserId) select = select.where(sql<boolean>`${query.notifiedUserId} = any(notify_user_ids)`);
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
