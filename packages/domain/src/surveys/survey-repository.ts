import type { FollowUpRepository } from "./follow-up.ts";
import type { SurveyTriggerKind, SurveyTriggerRepository } from "./survey-triggers.ts";
import type { Survey } from "./survey.ts";
import type { SurveyLocale } from "./survey-locale.ts";
import type { SurveyAnswerValue, SurveyItemScores } from "./validate-survey-answers.ts";

/** One customer's link to one survey (signed, single-use, expiring). */
export interface SurveyInvitation {
  id: string;
  workspaceId: string;
  surveyId: string;
  customerId: string;
  locale: SurveyLocale;
  channel: "email" | "in_app";
  sentAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  /** The automatic trigger that sent it, or a follow-up re-survey; absent or null when sent by hand. */
  triggerKind?: SurveyTriggerKind | "follow_up" | null;
  /** The resolved case it follows (trigger case_resolved). */
  caseId?: string | null;
}

export type SurveyResponseSource = "link" | "in_app" | "import";

export interface SurveyResponse {
  id: string;
  workspaceId: string;
  surveyId: string;
  customerId: string | null;
  invitationId: string | null;
  externalId: string | null;
  source: SurveyResponseSource;
  respondedAt: Date;
  locale: SurveyLocale | null;
  scores: SurveyItemScores;
  comment: string | null;
  answers: Record<string, SurveyAnswerValue>;
}

/** What the public page shows of a survey, and the version of the rows it comes from. */
export interface SurveyPage {
  survey: Survey;
  company: string;
  version: string;
}

/** Surveys, their invitations and their responses. */
export interface SurveyRepository extends SatisfactionStatsRepository, FollowUpRepository, SurveyTriggerRepository {
  insertSurvey(survey: Survey): Promise<void>;
  /** Surveys of the workspace, newest first. */
  listSurveys(workspaceId: string): Promise<Survey[]>;
  findSurvey(workspaceId: string, id: string): Promise<Survey | null>;
  /** The workspace's name, shown as {company} in the questions; null for an unknown workspace. */
  companyName(workspaceId: string): Promise<string | null>;
  /** When the customer was last sent any survey (the frequency cap). */
  lastInvitationAt(workspaceId: string, customerId: string): Promise<Date | null>;
  insertInvitation(invitation: SurveyInvitation): Promise<void>;
  findInvitation(workspaceId: string, id: string, options?: { forUpdate?: boolean }): Promise<SurveyInvitation | null>;
  /**
   * The public page's one round trip: the invitation and the version of what
   * the page shows with it (its survey and the workspace's name), which
   * changes whenever either row is updated; null when the invitation, its
   * survey or the workspace is missing. `forUpdate` locks the invitation row.
   */
  findInvitationPage(workspaceId: string, id: string, options?: { forUpdate?: boolean }): Promise<{ invitation: SurveyInvitation; pageVersion: string } | null>;
  /** A survey with the workspace's name, and their version as findInvitationPage tells it. */
  findSurveyPage(workspaceId: string, surveyId: string): Promise<SurveyPage | null>;
  markInvitationUsed(workspaceId: string, id: string, at: Date): Promise<void>;
  /** False when the response was already recorded (same invitation, or same survey and external id). */
  insertResponse(response: SurveyResponse): Promise<boolean>;
  /** Many responses in few statements (demo load); duplicates are skipped. Returns how many were stored. */
  insertResponses(responses: readonly SurveyResponse[]): Promise<number>;
}

/** Customers a satisfaction query is restricted to: one value of one customer column. */
export interface SatisfactionSegment {
  field: "owner" | "country" | "kind" | "account_type" | "industry" | "size_band";
  value: string;
}

/** Sufficient statistics of one calendar month (UTC) of responses and invitations. */
export interface SatisfactionMonth {
  /** YYYY-MM */
  month: string;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  csatSatisfied: number;
  csatResponses: number;
  cesSum: number;
  cesResponses: number;
  /** Complete ACSI answers: count, sums and cross-product sums (row-major 3 × 3). */
  acsiN: number;
  acsiSum: [number, number, number];
  acsiCrossProducts: [number, number, number][];
  invitationsSent: number;
  invitationsAnswered: number;
}

/** The metric aggregates, computed in the database near the data. */
export interface SatisfactionStatsRepository {
  /** Per month, responses with responded_at in [from, to) and invitations sent in it, optionally for one segment. */
  satisfactionByMonth(workspaceId: string, query: { from: Date; to: Date; segment: SatisfactionSegment | null }): Promise<SatisfactionMonth[]>;
}
