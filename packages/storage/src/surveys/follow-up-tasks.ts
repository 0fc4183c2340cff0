import type { Kysely, Selectable } from "kysely";
import type { FollowUpReason, FollowUpRepository, FollowUpStatus, FollowUpTask } from "@tenure/domain";
import type { FollowUpTasksTable, Schema } from "../database/schema.ts";

/** The follow-up part of SurveyRepository, on follow_up_tasks. */
export function createFollowUpTasks(db: Kysely<Schema>): FollowUpRepository {
  return {
    async insertFollowUp(task) {
      const row = await db
        .insertInto("follow_up_tasks")
        .values({
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
        })
        .onConflict((oc) => oc.columns(["workspace_id", "response_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      return row !== undefined;
    },

    async listOpenFollowUps(workspaceId, query) {
      let select = db.selectFrom("follow_up_tasks").selectAll().where("workspace_id", "=", workspaceId).where("status", "in", ["open", "in_progress"]);
      if (query.overdue) select = select.where("due_at", "<", query.now);
      if (query.ownerUserId !== null) select = select.where("owner_user_id", "=", query.ownerUserId);
      const rows = await select.orderBy("due_at").orderBy("id").limit(query.limit).execute();
      return rows.map(toFollowUp);
    },
  };
}

function toFollowUp(row: Selectable<FollowUpTasksTable>): FollowUpTask {
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
  };
}
