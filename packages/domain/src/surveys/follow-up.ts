import type { SurveyItemScores } from "./validate-survey-answers.ts";

/** Why an answer needs a human: an NPS detractor (0–6), CSAT ≤ 2, or CES ≤ 3 (hard to get help). */
export type FollowUpReason = "detractor" | "low_csat" | "high_effort";

export type FollowUpStatus = "open" | "in_progress" | "done" | "cancelled";

/** A task for the customer's owner to contact an unhappy customer. */
export interface FollowUpTask {
  id: string;
  workspaceId: string;
  customerId: string;
  responseId: string;
  ownerUserId: string | null;
  reason: FollowUpReason;
  status: FollowUpStatus;
  outcome: string | null;
  dueAt: Date;
  createdAt: Date;
  closedAt: Date | null;
}

/** Default time to follow up: 48 hours. */
export const followUpDueHours = 48;

/**
 * The reason an answer opens a follow-up, or null. One task per response;
 * when several apply, the first of detractor, low CSAT, high effort names it.
 */
export function followUpReason(scores: SurveyItemScores): FollowUpReason | null {
  if (scores.nps !== null && scores.nps <= 6) return "detractor";
  if (scores.csat !== null && scores.csat <= 2) return "low_csat";
  if (scores.ces !== null && scores.ces <= 3) return "high_effort";
  return null;
}

/** Follow-up tasks (part of SurveyRepository); a task per response at most. */
export interface FollowUpRepository {
  /** False when the response already has a task. */
  insertFollowUp(task: FollowUpTask): Promise<boolean>;
  /** Open and in-progress tasks, earliest due first; `overdue` keeps those due before `now`; `ownerUserId` one owner's. */
  listOpenFollowUps(workspaceId: string, query: { now: Date; overdue: boolean; ownerUserId: string | null; limit: number }): Promise<FollowUpTask[]>;
}
