import type { Handoff } from "./handoff.ts";
import type { ResponsibilityEntry } from "./responsibility-map.ts";

/** What a handoff needs to know of its case. */
export interface HandoffCase {
  id: string;
  status: string;
  ownerUserId: string | null;
  teamId: string | null;
  category: string | null;
  productId: string | null;
  customerId: string | null;
  /** The customer's locale (its language is matched). */
  customerLocale: string | null;
  handoffCount: number;
  version: number;
}

/** Handoffs and the responsibility map. */
export interface HandoffRepository {
  listResponsibilities(workspaceId: string): Promise<ResponsibilityEntry[]>;
  findResponsibility(workspaceId: string, id: string): Promise<ResponsibilityEntry | null>;
  saveResponsibility(entry: ResponsibilityEntry): Promise<void>;
  deleteResponsibility(workspaceId: string, id: string): Promise<boolean>;
  /** Open cases (not resolved or closed) owned by each user, plus handoffs pending to them. */
  openLoadByUser(workspaceId: string, userIds: readonly string[]): Promise<Map<string, number>>;
  /** Lock the case row (FOR UPDATE) when `forUpdate`. */
  findCase(workspaceId: string, caseId: string, options?: { forUpdate?: boolean }): Promise<HandoffCase | null>;
  userExists(workspaceId: string, userId: string): Promise<boolean>;
  insertHandoff(handoff: Handoff): Promise<void>;
  findHandoff(workspaceId: string, id: string, options?: { forUpdate?: boolean }): Promise<Handoff | null>;
  findPendingHandoff(workspaceId: string, caseId: string): Promise<Handoff | null>;
  listCaseHandoffs(workspaceId: string, caseId: string): Promise<Handoff[]>;
  listPendingHandoffsTo(workspaceId: string, userId: string, limit: number): Promise<Handoff[]>;
  /** Mark the handoff decided (accepted or cancelled) at `at`. */
  decideHandoff(workspaceId: string, id: string, status: "accepted" | "cancelled", at: Date): Promise<void>;
  /** Give the case to the receiver: owner (and team, when given) change, handoff_count + 1, version + 1. */
  transferCase(workspaceId: string, caseId: string, to: { userId: string; teamId: string | null }): Promise<void>;
  /** Append a case event (handoff_requested, handoff_accepted, handoff_cancelled) to the case history. */
  recordCaseEvent(workspaceId: string, event: { caseId: string; kind: string; actorId: string; occurredAt: Date; data: Record<string, unknown> }): Promise<void>;
}
