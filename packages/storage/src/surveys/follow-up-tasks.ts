import type { Insertable, Kysely, Selectable } from "kysely";
import type { FollowUpReason, FollowUpRepository, FollowUpStatus, FollowUpTask } from "@tenure/domain";
import type { FollowUpTasksTable, Schema } from "../database/schema.ts";
import { satisfactionDb, type SatisfactionSchema } from "./satisfaction-schema.ts";

/** The follow-up part of SurveyRepository, on follow_up_tasks. */
export function createFollowUpTasks(base: Kysely<Schema>): FollowUpRepository {
  const db = satisfactionDb(base);
  return {
    async insertFollowUp(task) {
      const row = await db.insertInto("follow_up_tasks").values(followUpRow(task)).onConflict((oc) => oc.columns(["workspace_id", "response_id"]).doNothing()).returning("id").executeTakeFirst();
      return row !== undefined;
    },

    async insertFollowUps(tasks) {
      let stored = 0;
      for (let i = 0; i < tasks.length; i += 1000) {
        const rows = tasks.slice(i, i + 1000).map(followUpRow);
        if (rows.length > 0) stored += (await db.insertInto("follow_up_tasks").values(rows).onConflict((oc) => oc.columns(["workspace_id", "response_id"]).doNothing()).returning("id").execute()).length;
      }
      return stored;
    },

    async listOpenFollowUps(workspaceId, query) {
      let select = db.selectFrom("follow_up_tasks").selectAll().where("workspace_id", "=", workspaceId).where("status", "in", ["open", "in_progress"]);
      if (query.overdue) select = select.where("due_at", "<", query.now);
      if (query.ownerUserId !== null) select = select.where("owner_user_id", "=", query.ownerUserId);
      const rows = await select.orderBy("due_at").orderBy("id").limit(query.limit).execute();
      return rows.map(toFollowUp);
    },

    async findFollowUp(workspaceId, id, options = {}) {
      let select = db.selectFrom("follow_up_tasks").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id);
      if (options.forUpdate) select = select.forUpdate();
      const row = await select.executeTakeFirst();
      return row ? toFollowUp(row) : null;
    },

    async updateFollowUp(workspaceId, id, change) {
      await db
        .updateTable("follow_up_tasks")
        .set({ status: change.status, outcome: change.outcome, closed_at: change.closedAt, updated_at: change.updatedAt })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .execute();
    },

    async markFollowUpResurveyed(workspaceId, id, invitationId) {
      await db.updateTable("follow_up_tasks").set({ resurvey_invitation_id: invitationId }).where("workspace_id", "=", workspaceId).where("id", "=", id).execute();
    },
  };
}

function toFollowUp(row: Selectable<FollowUpTasksTable & SatisfactionSchema["follow_up_tasks"]>): FollowUpTask {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    customerId: row.customer_id,
    responseId: row.response_id,
    ownerUserId: row.owner_user_id,
    reason: row.reason as FollowUpReason,
    status: row.status as FollowUpStatus,
    outcome: row.outcome,
    dueAt: row.due_at,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    resurveyInvitationId: row.resurvey_invitation_id,
  };
}

function followUpRow(task: FollowUpTask): Insertable<FollowUpTasksTable> {
  return {
    workspace_id: task.workspaceId,
    id: task.id,
    customer_id: task.customerId,
    response_id: task.responseId,
    owner_user_id: task.ownerUserId,
    reason: task.reason,
    status: task.status,
    outcome: task.outcome,
    due_at: task.dueAt,
    created_at: task.createdAt,
    closed_at: task.closedAt,
  };
}
