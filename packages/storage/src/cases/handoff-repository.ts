import { sql, type Kysely, type Selectable } from "kysely";
import type { Handoff, HandoffCase, HandoffRepository, HandoffStatus, ResponsibilityEntry } from "@tenure/domain";
import { AppError, newId } from "@tenure/shared";
import type { Schema } from "../database/schema.ts";
import { isUniqueViolation } from "../database/unique-violation.ts";
import type { HandoffTables } from "./handoff-tables.ts";

function toEntry(row: Selectable<HandoffTables["responsibility_entries"]>): ResponsibilityEntry {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    userId: row.user_id,
    teamId: row.team_id,
    skills: row.skills,
    productIds: row.product_ids,
    languages: row.languages,
    lead: row.lead,
    maxOpenCases: row.max_open_cases,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toHandoff(row: Selectable<HandoffTables["handoffs"]>): Handoff {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    caseId: row.case_id,
    fromUserId: row.from_user_id,
    toUserId: row.to_user_id,
    toTeamId: row.to_team_id,
    brief: { problem: row.problem, tried: row.tried, customerMood: row.customer_mood, promised: row.promised },
    status: row.status as HandoffStatus,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
  };
}

interface CaseRow {
  id: string;
  status: string;
  owner_user_id: string | null;
  team_id: string | null;
  category: string | null;
  product_id: string | null;
  customer_id: string | null;
  customer_locale: string | null;
  handoff_count: number;
  version: number;
}

const isForeignKeyViolation = (error: unknown): boolean => typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23503";

/** HandoffRepository on handoffs, responsibility_entries, cases and case_events. */
export function createHandoffRepository(base: Kysely<Schema>): HandoffRepository {
  const db = base.withTables<HandoffTables>();
  return {
    async listResponsibilities(workspaceId) {
      const rows = await db.selectFrom("responsibility_entries").selectAll().where("workspace_id", "=", workspaceId).orderBy("team_id").orderBy("user_id").orderBy("id").execute();
      return rows.map(toEntry);
    },
    async findResponsibility(workspaceId, id) {
      const row = await db.selectFrom("responsibility_entries").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return row ? toEntry(row) : null;
    },
    async saveResponsibility(entry) {
      const values = {
        user_id: entry.userId,
        team_id: entry.teamId,
        skills: entry.skills,
        product_ids: entry.productIds,
        languages: entry.languages,
        lead: entry.lead,
        max_open_cases: entry.maxOpenCases,
        updated_at: entry.updatedAt,
      };
      try {
        await db
          .insertInto("responsibility_entries")
          .values({ workspace_id: entry.workspaceId, id: entry.id, created_at: entry.createdAt, ...values })
          .onConflict((oc) => oc.columns(["workspace_id", "id"]).doUpdateSet(values))
          .execute();
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          const onTeam = String((error as { constraint?: unknown; message?: unknown }).constraint ?? (error as { message?: unknown }).message ?? "").includes("team");
          throw new AppError(onTeam ? "team_not_found" : "user_not_found", "invalid_input", onTeam ? `Team ${entry.teamId} does not exist.` : `User ${entry.userId} does not exist.`, { field: onTeam ? "team_id" : "user_id" });
        }
        throw error;
      }
    },
    async deleteResponsibility(workspaceId, id) {
      const result = await db.deleteFrom("responsibility_entries").where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async openLoadByUser(workspaceId, userIds) {
      const load = new Map<string, number>();
      if (userIds.length === 0) return load;
      const ids = [...userIds];
      const result = await sql<{ user_id: string; n: string }>`
        select user_id, count(*) as n from (
          select owner_user_id as user_id from cases where workspace_id = ${workspaceId} and is_open and owner_user_id = any(${ids}::text[])
          union all
          select to_user_id from handoffs where workspace_id = ${workspaceId} and status = 'pending' and to_user_id = any(${ids}::text[])
        ) l group by user_id`.execute(db);
      for (const row of result.rows) load.set(row.user_id, Number(row.n));
      return load;
    },
    async findCase(workspaceId, caseId, options = {}) {
      const result = await sql<CaseRow>`
        select c.id, c.status, c.owner_user_id, c.team_id, c.category, c.product_id, c.customer_id, cu.locale as customer_locale, c.handoff_count, c.version
        from cases c left join customers cu on cu.workspace_id = c.workspace_id and cu.id = c.customer_id
        where c.workspace_id = ${workspaceId} and c.id = ${caseId}
        ${options.forUpdate ? sql`for update of c` : sql``}`.execute(db);
      const row = result.rows[0];
      if (!row) return null;
      const found: HandoffCase = {
        id: row.id,
        status: row.status,
        ownerUserId: row.owner_user_id,
        teamId: row.team_id,
        category: row.category,
        productId: row.product_id,
        customerId: row.customer_id,
        customerLocale: row.customer_locale,
        handoffCount: row.handoff_count,
        version: row.version,
      };
      return found;
    },
    async userExists(workspaceId, userId) {
      const row = await db.selectFrom("users").select("id").where("workspace_id", "=", workspaceId).where("id", "=", userId).where("disabled_at", "is", null).executeTakeFirst();
      return row !== undefined;
    },
    async insertHandoff(handoff) {
      try {
        await db
          .insertInto("handoffs")
          .values({
            workspace_id: handoff.workspaceId,
            id: handoff.id,
            case_id: handoff.caseId,
            from_user_id: handoff.fromUserId,
            to_user_id: handoff.toUserId,
            to_team_id: handoff.toTeamId,
            problem: handoff.brief.problem,
            tried: handoff.brief.tried,
            customer_mood: handoff.brief.customerMood,
            promised: handoff.brief.promised,
            status: handoff.status,
            requested_by: handoff.requestedBy,
            requested_at: handoff.requestedAt,
            decided_at: handoff.decidedAt,
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error, "handoffs_one_pending")) throw new AppError("handoff_pending", "conflict", `Case ${handoff.caseId} already has a handoff waiting for acceptance.`, { caseId: handoff.caseId });
        throw error;
      }
    },
    async findHandoff(workspaceId, id, options = {}) {
      let select = db.selectFrom("handoffs").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id);
      if (options.forUpdate) select = select.forUpdate();
      const row = await select.executeTakeFirst();
      return row ? toHandoff(row) : null;
    },
    async findPendingHandoff(workspaceId, caseId) {
      const row = await db.selectFrom("handoffs").selectAll().where("workspace_id", "=", workspaceId).where("case_id", "=", caseId).where("status", "=", "pending").executeTakeFirst();
      return row ? toHandoff(row) : null;
    },
    async listCaseHandoffs(workspaceId, caseId) {
      const rows = await db.selectFrom("handoffs").selectAll().where("workspace_id", "=", workspaceId).where("case_id", "=", caseId).orderBy("requested_at").orderBy("id").execute();
      return rows.map(toHandoff);
    },
    async listPendingHandoffsTo(workspaceId, userId, limit) {
      const rows = await db
        .selectFrom("handoffs")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("to_user_id", "=", userId)
        .where("status", "=", "pending")
        .orderBy("requested_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(toHandoff);
    },
    async decideHandoff(workspaceId, id, status, at) {
      await db.updateTable("handoffs").set({ status, decided_at: at }).where("workspace_id", "=", workspaceId).where("id", "=", id).execute();
    },
    async transferCase(workspaceId, caseId, to) {
      await sql`
        update cases set owner_user_id = ${to.userId}, team_id = coalesce(${to.teamId}, team_id), handoff_count = handoff_count + 1, version = version + 1, updated_at = now()
        where workspace_id = ${workspaceId} and id = ${caseId}`.execute(db);
    },
    async recordCaseEvent(workspaceId, event) {
      await sql`
        insert into case_events (workspace_id, id, case_id, kind, actor_user_id, occurred_at, data)
        values (${workspaceId}, ${newId("caseEvent", event.occurredAt.getTime())}, ${event.caseId}, ${event.kind},
          ${event.actorId.startsWith("usr_") ? event.actorId : null}, ${event.occurredAt}, ${JSON.stringify({ ...event.data, actor: event.actorId })}::jsonb)`.execute(db);
    },
  };
}
