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
  /** The invitation of the one re-survey after the task was done (it skipped the frequency cap), if sent. */
  resurveyInvitationId?: string | null;
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

/** Where a task may go from each status: open → in_progress → done or cancelled (open may close at once). */
export const followUpTransitions: Readonly<Record<FollowUpStatus, readonly FollowUpStatus[]>> = {
  open: ["in_progress", "done", "cancelled"],
  in_progress: ["done", "cancelled"],
  done: [],
  cancelled: [],
};

/** Why a status change is refused (message names the field), or null when it is allowed. */
export function followUpChangeProblem(from: FollowUpStatus, to: FollowUpStatus, outcome: string | null): { field: string; message: string } | null {
  if (from !== to && !followUpTransitions[from].includes(to)) {
    const allowed = followUpTransitions[from];
    return { field: "status", message: `status: a ${from} follow-up cannot become ${to}${allowed.length > 0 ? ` (only ${allowed.join(", ")})` : " (it is closed)"}` };
  }
  if (to === "done" && (outcome === null || outcome.trim() === "")) return { field: "outcome", message: "outcome: say what came of the follow-up when it is done" };
  if (outcome !== null && outcome.length > 4000) return { field: "outcome", message: "outcome: at most 4000 characters" };
  return null;
}

/** Follow-up tasks (part of SurveyRepository); a task per response at most. */
export interface FollowUpRepository {
  /** False when the response already has a task. */
  insertFollowUp(task: FollowUpTask): Promise<boolean>;
  /** Many tasks in few statements (demo load); a response that has a task is skipped. Returns how many were stored. */
  insertFollowUps(tasks: readonly FollowUpTask[]): Promise<number>;
  findFollowUp(workspaceId: string, id: string, options?: { forUpdate?: boolean }): Promise<FollowUpTask | null>;
  /** Set status and outcome; `closedAt` is set when the task is done or cancelled. */
  updateFollowUp(workspaceId: string, id: string, change: { status: FollowUpStatus; outcome: string | null; closedAt: Date | null; updatedAt: Date }): Promise<void>;
  /** Remember the re-survey sent after the task (the cap is waived once). */
  markFollowUpResurveyed(workspaceId: string, id: string, invitationId: string): Promise<void>;
  /** Open and in-progress tasks, earliest due first; `overdue` keeps those due before `now`; `ownerUserId` one owner's. */
  listOpenFollowUps(workspaceId: string, query: { now: Date; overdue: boolean; ownerUserId: string | null; limit: number }): Promise<FollowUpTask[]>;
}
