import type { CaseRecovery, RecoveryStep } from "./recovery.ts";
import type { RecoveryLetterTemplate, RecoveryLocale } from "./recovery-letter-templates.ts";
import type { RecoveryCohortCounts } from "./recovery-paradox.ts";

/** What a recovery needs to know of its case (read from the cases table). */
export interface RecoveryCase {
  id: string;
  customerId: string;
  subject: string;
  status: string;
  openedAt: Date;
  isCompanyFailure: boolean;
  /** The case's contact, when it has one: the letter is addressed to them. */
  contact: { name: string | null; email: string | null; locale: string | null } | null;
}

/** One step as written to case_events and the customer's timeline. */
export interface RecoveryStepRecord {
  workspaceId: string;
  caseId: string;
  customerId: string;
  step: RecoveryStep;
  /** usr_… when a user acted, else null (the token's id stays in data.actor). */
  actorUserId: string | null;
  actorId: string;
  occurredAt: Date;
  /** Free text shown on the case (never personal data on the timeline). */
  body: string | null;
  data: Record<string, unknown>;
}

/** A recovery whose follow-up came due, claimed for its one reminder. */
export interface DueRecoveryFollowUp {
  workspaceId: string;
  caseId: string;
  customerId: string;
  followUpDueAt: Date;
  /** The case's owner, whom the reminder is for (null: the case has none). */
  ownerUserId: string | null;
}

/** Who signs: the approving user's name and title (users.title). */
export interface RecoverySigner {
  name: string;
  title: string | null;
}

/** Recoveries of cases marked as company failures, their letters and the recovery-paradox counts. */
export interface RecoveryRepository {
  /** The case with its contact (access and locking are the case repository's: caseForCaller). */
  findCase(workspaceId: string, caseId: string): Promise<RecoveryCase | null>;
  /** Set cases.is_company_failure (and bump the case's version). */
  markCompanyFailure(workspaceId: string, caseId: string, at: Date): Promise<void>;
  find(workspaceId: string, caseId: string, options?: { forUpdate?: boolean }): Promise<CaseRecovery | null>;
  insert(recovery: CaseRecovery): Promise<void>;
  /** Write every mutable field; version is stored as given (the caller increments it). */
  update(recovery: CaseRecovery): Promise<void>;
  recordSteps(steps: readonly RecoveryStepRecord[]): Promise<void>;
  /**
   * Mark every recovery whose follow-up is due at `now`, not done and not yet
   * reminded of as reminded, and answer them: each is claimed once, also
   * when two runs overlap.
   */
  claimDueFollowUps(workspaceId: string, now: Date): Promise<DueRecoveryFollowUp[]>;
  signer(workspaceId: string, userId: string): Promise<RecoverySigner | null>;
  /** The workspace's name and time zone (letter head and dates). */
  letterhead(workspaceId: string): Promise<{ company: string; timeZone: string } | null>;
  /** The workspace's own template for a language, or null (the default applies). */
  template(workspaceId: string, locale: RecoveryLocale): Promise<RecoveryLetterTemplate | null>;
  saveTemplate(workspaceId: string, locale: RecoveryLocale, template: RecoveryLetterTemplate | null, at: Date): Promise<void>;
  /** Keep the PDF exactly as it was sent. */
  storeSentLetter(workspaceId: string, caseId: string, pdf: Uint8Array, sha256: string): Promise<void>;
  sentLetter(workspaceId: string, caseId: string): Promise<Uint8Array | null>;
  /** Counts per group for the recovery-paradox report; see docs/cases.md "Service recovery". */
  cohortCounts(workspaceId: string, query: { asOf: Date; windowDays: number; churnPAlive: number }): Promise<RecoveryCohortCounts[]>;
}
