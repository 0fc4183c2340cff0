import type { RecoveryLocale } from "./recovery-letter-templates.ts";

/**
 * The steps of a service recovery, in order. Each is timestamped on the
 * recovery and recorded as a case event and on the customer's timeline.
 */
export type RecoveryStep =
  | "started"
  | "acknowledged"
  | "apologised"
  | "root_cause_recorded"
  | "corrective_action_recorded"
  | "letter_drafted"
  | "letter_edited"
  | "letter_approved"
  | "approval_withdrawn"
  | "letter_sent"
  | "follow_up_due"
  | "follow_up_done";

/** Where a recovery stands, derived from its timestamps. */
export type RecoveryStatus = "in_progress" | "approved" | "sent" | "done";

/** A recovery: one per case marked as a company failure. */
export interface CaseRecovery {
  workspaceId: string;
  caseId: string;
  customerId: string;
  locale: RecoveryLocale;
  whatWentWrong: string;
  rootCause: string | null;
  correctiveAction: string | null;
  goodwill: string | null;
  startedAt: Date;
  startedBy: string;
  acknowledgedAt: Date | null;
  apologisedAt: Date | null;
  rootCauseAt: Date | null;
  correctiveActionAt: Date | null;
  letterSubject: string | null;
  letterBody: string | null;
  letterDraftedAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  signerName: string | null;
  signerTitle: string | null;
  sentAt: Date | null;
  sentTo: string | null;
  followUpDays: number;
  followUpDueAt: Date | null;
  followUpDoneAt: Date | null;
  followUpNote: string | null;
  version: number;
}

/** Days after the letter is sent until the follow-up check is due, unless the recovery says otherwise. */
export const defaultFollowUpDays = 14;

/** The recovery's status. */
export function recoveryStatus(r: Pick<CaseRecovery, "approvedAt" | "sentAt" | "followUpDoneAt">): RecoveryStatus {
  if (r.followUpDoneAt !== null) return "done";
  if (r.sentAt !== null) return "sent";
  if (r.approvedAt !== null) return "approved";
  return "in_progress";
}

/** What is still missing before a manager may approve the letter (empty = ready). */
export function missingForApproval(r: CaseRecovery): string[] {
  const missing: string[] = [];
  if (r.acknowledgedAt === null) missing.push("acknowledged");
  if (r.apologisedAt === null) missing.push("apologised");
  if (r.rootCause === null) missing.push("root_cause");
  if (r.correctiveAction === null) missing.push("corrective_action");
  if (r.letterBody === null || r.letterSubject === null) missing.push("letter");
  return missing;
}

/** Is the follow-up check due (letter sent N days ago or more, check not done)? */
export function followUpOverdue(r: Pick<CaseRecovery, "followUpDueAt" | "followUpDoneAt">, now: Date): boolean {
  return r.followUpDueAt !== null && r.followUpDoneAt === null && r.followUpDueAt.getTime() <= now.getTime();
}
