import { sql, type Kysely } from "kysely";
import { defaultSurveyTriggerSettings, type SurveyTriggerCandidate, type SurveyTriggerKind, type SurveyTriggerRepository, type SurveyTriggerSettings } from "@tenure/domain";
import type { Schema } from "../database/schema.ts";
import { satisfactionDb, type SatisfactionDb } from "./satisfaction-schema.ts";

const day = 86_400_000;
/** How far back a resolved case, an onboarding milestone or a cancelled contract still triggers (older ones are history). */
const lookbackDays = 14;
/** A failed send is tried again 15 min, 1 h and 4 h later (4 tries in all), then given up. */
const maxAttempts = 4;
const firstRetryMs = 15 * 60_000;

/** The trigger part of SurveyRepository, on survey_trigger_settings and survey_trigger_runs. */
export function createSurveyTriggerStore(base: Kysely<Schema>): SurveyTriggerRepository {
  const db = satisfactionDb(base);
  return {
    async findTriggerSettings(workspaceId) {
      const row = await db.selectFrom("survey_trigger_settings").selectAll().where("workspace_id", "=", workspaceId).executeTakeFirst();
      if (!row) return defaultSurveyTriggerSettings;
      return {
        enabled: row.enabled,
        channel: row.channel === "in_app" ? "in_app" : "email",
        relationshipDays: row.relationship_days,
        onboardingDays: row.onboarding_days,
        exitPAlive: row.exit_p_alive,
      };
    },

    async saveTriggerSettings(workspaceId, s, at) {
      const values = { enabled: s.enabled, channel: s.channel, relationship_days: s.relationshipDays, onboarding_days: s.onboardingDays, exit_p_alive: s.exitPAlive, updated_at: at };
      await db
        .insertInto("survey_trigger_settings")
        .values({ workspace_id: workspaceId, ...values })
        .onConflict((oc) => oc.column("workspace_id").doUpdateSet(values))
        .execute();
    },

    triggerCandidates: (workspaceId, kind, settings, now, limit) => candidates(db, workspaceId, kind, settings, now, limit),

    async claimTrigger(run) {
      const row = await db
        .insertInto("survey_trigger_runs")
        .values({
          workspace_id: run.workspaceId,
          trigger_key: run.key,
          trigger_kind: run.kind,
          customer_id: run.customerId,
          case_id: run.caseId,
          outcome: run.outcome,
          reason: run.reason,
          invitation_id: run.invitationId,
          created_at: run.createdAt,
          retry_at: run.outcome === "failed" ? new Date(run.createdAt.getTime() + firstRetryMs) : null,
        })
        // A run is claimed once, unless its last try failed and the retry is due.
        .onConflict((oc) =>
          oc
            .columns(["workspace_id", "trigger_key"])
            .doUpdateSet({
              outcome: (eb) => eb.ref("excluded.outcome"),
              reason: (eb) => eb.ref("excluded.reason"),
              invitation_id: (eb) => eb.ref("excluded.invitation_id"),
              attempts: sql`survey_trigger_runs.attempts + 1`,
              retry_at: sql`case when excluded.outcome = 'failed' and survey_trigger_runs.attempts + 1 < ${maxAttempts}
                then excluded.created_at + make_interval(secs => ${firstRetryMs / 1000} * power(4, survey_trigger_runs.attempts)) end`,
            })
            .where(sql<boolean>`survey_trigger_runs.outcome = 'failed' and survey_trigger_runs.retry_at <= excluded.created_at`),
        )
        .returning("trigger_key")
        .executeTakeFirst();
      return row !== undefined;
    },

    async finishTrigger(workspaceId, key, outcome, reason, invitationId) {
      await db.updateTable("survey_trigger_runs").set({ outcome, reason, invitation_id: invitationId, retry_at: null }).where("workspace_id", "=", workspaceId).where("trigger_key", "=", key).execute();
    },

    async findSurveyOfKind(workspaceId, kind) {
      const row = await db
        .selectFrom("surveys")
        .select("id")
        .where("workspace_id", "=", workspaceId)
        .where("kind", "=", kind)
        .where("archived_at", "is", null)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      return row?.id ?? null;
    },
  };
}

/**
 * Due customers of one trigger, without a recorded run for the trigger's
 * key (or whose last try failed and is due again); erased customers are never due.
 * - case_resolved: a case resolved in the last 14 days (key: the case).
 * - relationship: a customer first seen at least `relationshipDays` ago with
 *   no relationship run in the last `relationshipDays` days (key: the customer
 *   and the cadence window).
 * - onboarding: first seen `onboardingDays` ago (within a 14-day window), or an
 *   `Onboarding Completed` event in the last 14 days (key: the customer, once).
 * - exit: P(alive) below `exitPAlive`, or a contract cancelled in the last 14
 *   days (key: the customer, once).
 */
async function candidates(db: SatisfactionDb, workspaceId: string, kind: SurveyTriggerKind, settings: SurveyTriggerSettings, now: Date, limit: number): Promise<SurveyTriggerCandidate[]> {
  const since = new Date(now.getTime() - lookbackDays * day);
  // A recorded run keeps its trigger from firing again, unless it failed and its retry is due.
  const retryDue = sql`(r.outcome = 'failed' and r.retry_at <= ${now})`;
  const notRun = (key: ReturnType<typeof sql>) =>
    sql`not exists (select 1 from survey_trigger_runs r where r.workspace_id = ${workspaceId} and r.trigger_key = ${key} and not ${retryDue})`;
  const live = sql`c.workspace_id = ${workspaceId} and c.erased_at is null`;
  let rows: { key: string; customer_id: string; case_id: string | null }[];
  switch (kind) {
    case "case_resolved": {
      if (!(await tableExists(db, "cases"))) return [];
      const key = sql`'case_resolved:' || k.id`;
      rows = (
        await sql<{ key: string; customer_id: string; case_id: string }>`
          select ${key} as key, k.customer_id, k.id as case_id
          from cases k join customers c on c.workspace_id = k.workspace_id and c.id = k.customer_id
          where k.workspace_id = ${workspaceId} and k.status in ('resolved', 'closed') and k.resolved_at >= ${since} and k.resolved_at <= ${now} and k.customer_id is not null and ${live} and ${notRun(key)}
          order by k.resolved_at limit ${limit}`.execute(db)
      ).rows;
      break;
    }
    case "relationship": {
      const window = Math.floor(now.getTime() / (settings.relationshipDays * day));
      const key = sql`'relationship:' || c.id || ':' || ${String(window)}`;
      rows = (
        await sql<{ key: string; customer_id: string; case_id: null }>`
          select ${key} as key, c.id as customer_id, null as case_id from customers c
          where ${live} and coalesce(c.first_seen_at, c.created_at) <= ${new Date(now.getTime() - settings.relationshipDays * day)} and ${notRun(key)}
            and not exists (select 1 from survey_trigger_runs r where r.workspace_id = ${workspaceId} and r.customer_id = c.id
              and r.trigger_kind = 'relationship' and r.created_at > ${new Date(now.getTime() - settings.relationshipDays * day)} and not ${retryDue})
          order by c.id limit ${limit}`.execute(db)
      ).rows;
      break;
    }
    case "onboarding": {
      const key = sql`'onboarding:' || c.id`;
      const milestone = new Date(now.getTime() - settings.onboardingDays * day);
      rows = (
        await sql<{ key: string; customer_id: string; case_id: null }>`
          select ${key} as key, c.id as customer_id, null as case_id from customers c
          where ${live} and ${notRun(key)} and (
            coalesce(c.first_seen_at, c.created_at) between ${new Date(milestone.getTime() - lookbackDays * day)} and ${milestone}
            or exists (select 1 from events e where e.workspace_id = ${workspaceId} and e.customer_id = c.id and e.type = 'Onboarding Completed'
              and e.occurred_at >= ${since} and e.occurred_at <= ${now}))
          order by c.id limit ${limit}`.execute(db)
      ).rows;
      break;
    }
    case "exit": {
      const key = sql`'exit:' || c.id`;
      rows = (
        await sql<{ key: string; customer_id: string; case_id: null }>`
          select ${key} as key, c.id as customer_id, null as case_id from customers c
          where ${live} and ${notRun(key)} and (
            exists (select 1 from customer_scores s where s.workspace_id = ${workspaceId} and s.customer_id = c.id and s.p_alive < ${settings.exitPAlive})
            or exists (select 1 from contracts t where t.workspace_id = ${workspaceId} and t.customer_id = c.id and t.status = 'cancelled' and t.updated_at >= ${since}))
          order by c.id limit ${limit}`.execute(db)
      ).rows;
      break;
    }
  }
  return rows.map((r) => ({ kind, key: r.key, customerId: r.customer_id, caseId: r.case_id }));
}

async function tableExists(db: SatisfactionDb, name: string): Promise<boolean> {
  const result = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(db);
  return result.rows[0]?.found != null;
}
