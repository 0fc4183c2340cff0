import type { Selectable } from "kysely";
import type { Survey, SurveyInvitation, SurveyKind, SurveyLocale, SurveyQuestion } from "@tenure/domain";
import type { Purpose } from "@tenure/shared";
import type { SurveyInvitationsTable, SurveysTable } from "../database/schema.ts";

export function toSurvey(row: Selectable<SurveysTable>): Survey {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    kind: row.kind as SurveyKind,
    purpose: row.purpose as Purpose,
    questions: row.questions as SurveyQuestion[],
    createdAt: row.created_at,
    archivedAt: row.archived_at,
  };
}

export function toInvitation(row: Selectable<SurveyInvitationsTable>): SurveyInvitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    surveyId: row.survey_id,
    customerId: row.customer_id,
    locale: row.locale as SurveyLocale,
    channel: row.channel as SurveyInvitation["channel"],
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}
