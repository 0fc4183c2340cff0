import type { Insertable, Kysely } from "kysely";
import type { SurveyRepository, SurveyResponse } from "@tenure/domain";
import type { Database } from "../database/create-database.ts";
import type { Schema, SurveyResponsesTable } from "../database/schema.ts";
import { createFollowUpTasks } from "./follow-up-tasks.ts";
import { satisfactionByMonth } from "./satisfaction-by-month.ts";
import { satisfactionDb } from "./satisfaction-schema.ts";
import { createSurveyPageQueries } from "./survey-page-queries.ts";
import { toInvitation, toSurvey } from "./survey-rows.ts";
import { createSurveyTriggerStore } from "./survey-trigger-store.ts";

/** SurveyRepository on surveys, survey_invitations and survey_responses. */
export function createSurveyRepository(database: Database, db: Kysely<Schema>): SurveyRepository {
  return {
    ...createFollowUpTasks(db),
    ...createSurveyTriggerStore(db),
    ...createSurveyPageQueries(database, db),
    satisfactionByMonth: (workspaceId, query) => satisfactionByMonth(db, workspaceId, query),

    async insertSurvey(survey) {
      await db
        .insertInto("surveys")
        .values({
          workspace_id: survey.workspaceId,
          id: survey.id,
          name: survey.name,
          kind: survey.kind,
          purpose: survey.purpose,
          questions: JSON.stringify(survey.questions),
          created_at: survey.createdAt,
          archived_at: survey.archivedAt,
        })
        .execute();
    },

    async listSurveys(workspaceId) {
      const rows = await db.selectFrom("surveys").selectAll().where("workspace_id", "=", workspaceId).orderBy("created_at", "desc").orderBy("id", "desc").execute();
      return rows.map(toSurvey);
    },

    async findSurvey(workspaceId, id) {
      const row = await db.selectFrom("surveys").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
      return row ? toSurvey(row) : null;
    },

    async companyName(workspaceId) {
      const row = await db.selectFrom("workspaces").select("name").where("id", "=", workspaceId).executeTakeFirst();
      return row?.name ?? null;
    },

    async lastInvitationAt(workspaceId, customerId) {
      const row = await db
        .selectFrom("survey_invitations")
        .select("sent_at")
        .where("workspace_id", "=", workspaceId)
        .where("customer_id", "=", customerId)
        .orderBy("sent_at", "desc")
        .limit(1)
        .executeTakeFirst();
      return row?.sent_at ?? null;
    },

    async insertInvitation(invitation) {
      await satisfactionDb(db)
        .insertInto("survey_invitations")
        .values({
          workspace_id: invitation.workspaceId,
          id: invitation.id,
          survey_id: invitation.surveyId,
          customer_id: invitation.customerId,
          locale: invitation.locale,
          channel: invitation.channel,
          sent_at: invitation.sentAt,
          expires_at: invitation.expiresAt,
          used_at: invitation.usedAt,
          trigger_kind: invitation.triggerKind ?? null,
          case_id: invitation.caseId ?? null,
        })
        .execute();
    },

    async findInvitation(workspaceId, id, options = {}) {
      let select = db.selectFrom("survey_invitations").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", id);
      if (options.forUpdate) select = select.forUpdate();
      const row = await select.executeTakeFirst();
      return row ? toInvitation(row) : null;
    },

    async markInvitationUsed(workspaceId, id, at) {
      await db.updateTable("survey_invitations").set({ used_at: at }).where("workspace_id", "=", workspaceId).where("id", "=", id).execute();
    },

    async insertResponse(response) {
      const inserted = await db.insertInto("survey_responses").values(responseRow(response)).onConflict((oc) => oc.doNothing()).returning("id").executeTakeFirst();
      return inserted !== undefined;
    },

    async insertResponses(responses) {
      let stored = 0;
      for (let i = 0; i < responses.length; i += 1000) {
        const rows = responses.slice(i, i + 1000).map(responseRow);
        if (rows.length === 0) continue;
        stored += (await db.insertInto("survey_responses").values(rows).onConflict((oc) => oc.doNothing()).returning("id").execute()).length;
      }
      return stored;
    },
  };
}

function responseRow(response: SurveyResponse): Insertable<SurveyResponsesTable> {
  const { scores } = response;
  return {
    workspace_id: response.workspaceId,
    id: response.id,
    survey_id: response.surveyId,
    customer_id: response.customerId,
    invitation_id: response.invitationId,
    external_id: response.externalId,
    source: response.source,
    responded_at: response.respondedAt,
    locale: response.locale,
    nps: scores.nps,
    csat: scores.csat,
    ces: scores.ces,
    acsi_overall: scores.acsiOverall,
    acsi_expectations: scores.acsiExpectations,
    acsi_ideal: scores.acsiIdeal,
    comment: response.comment,
    answers: JSON.stringify(response.answers),
  };
}
