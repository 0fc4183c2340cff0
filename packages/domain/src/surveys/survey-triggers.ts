import type { SurveyKind } from "./survey.ts";

/** What sends a survey by itself (docs/satisfaction.md, "Automatic triggers"). */
export type SurveyTriggerKind = "case_resolved" | "relationship" | "onboarding" | "exit";

export const surveyTriggerKinds: readonly SurveyTriggerKind[] = ["case_resolved", "relationship", "onboarding", "exit"];

/** The survey kind each trigger sends: CES 2.0 + CSAT after a case, NPS on a cadence and at exit, CSAT after onboarding. */
export const triggerSurveyKind: Readonly<Record<SurveyTriggerKind, Exclude<SurveyKind, "custom">>> = {
  case_resolved: "ces",
  relationship: "nps",
  onboarding: "csat",
  exit: "nps",
};

/** A workspace's trigger settings; triggers are off until a workspace turns them on. */
export interface SurveyTriggerSettings {
  enabled: boolean;
  channel: "email" | "in_app";
  /** Relationship NPS at most once in this many days per customer. */
  relationshipDays: number;
  /** The onboarding milestone: this many days after a customer was first seen (or an `Onboarding Completed` event). */
  onboardingDays: number;
  /** Exit survey when P(alive) falls below this (or a contract is cancelled). */
  exitPAlive: number;
}

export const defaultSurveyTriggerSettings: SurveyTriggerSettings = { enabled: false, channel: "email", relationshipDays: 90, onboardingDays: 30, exitPAlive: 0.3 };

/** One customer due a survey, and the key that makes the trigger fire once. */
export interface SurveyTriggerCandidate {
  kind: SurveyTriggerKind;
  key: string;
  customerId: string;
  caseId: string | null;
}

/** A trigger evaluated: sent, or skipped (cap, consent, no address) or failed (mail), with why. */
export interface SurveyTriggerRun {
  workspaceId: string;
  key: string;
  kind: SurveyTriggerKind;
  customerId: string;
  caseId: string | null;
  outcome: "sent" | "skipped" | "failed";
  reason: string | null;
  invitationId: string | null;
  createdAt: Date;
}

/** Part of SurveyRepository: trigger settings, due customers and the record of what fired. */
export interface SurveyTriggerRepository {
  findTriggerSettings(workspaceId: string): Promise<SurveyTriggerSettings>;
  saveTriggerSettings(workspaceId: string, settings: SurveyTriggerSettings, at: Date): Promise<void>;
  /** Customers due a survey of `kind` at `now` whose trigger has not fired yet, at most `limit`. */
  triggerCandidates(workspaceId: string, kind: SurveyTriggerKind, settings: SurveyTriggerSettings, now: Date, limit: number): Promise<SurveyTriggerCandidate[]>;
  /** Claim a trigger; false when its key was already recorded (it fires once). */
  claimTrigger(run: SurveyTriggerRun): Promise<boolean>;
  /** Set the outcome of a claimed trigger. */
  finishTrigger(workspaceId: string, key: string, outcome: SurveyTriggerRun["outcome"], reason: string | null, invitationId: string | null): Promise<void>;
  /** The newest survey of a kind that is not archived, or null. */
  findSurveyOfKind(workspaceId: string, kind: SurveyKind): Promise<string | null>;
}
