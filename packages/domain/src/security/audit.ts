import type { Purpose, Role } from "@tenure/shared";

/** What an audit row records. */
export type AuditAction =
  | "personal_data.read"
  | "customer.create"
  | "customer.update"
  | "customer.export"
  | "customer.erase"
  | "consent.record"
  | "user.create"
  | "user.password_reset"
  | "user.role_change"
  | "user.disable"
  | "user.enable"
  | "token.create"
  | "token.revoke"
  | "import.run"
  | "session.sign_in"
  | "session.sign_in_failed";

export const auditActions: readonly AuditAction[] = [
  "personal_data.read",
  "customer.create",
  "customer.update",
  "customer.export",
  "customer.erase",
  "consent.record",
  "user.create",
  "user.password_reset",
  "user.role_change",
  "user.disable",
  "user.enable",
  "token.create",
  "token.revoke",
  "import.run",
  "session.sign_in",
  "session.sign_in_failed",
];

/**
 * One audit row: who did what, when, to which customer, touching which
 * fields (names only, never values), for which purpose, in which request.
 */
export interface AuditEntry {
  id: string;
  occurredAt: Date;
  actorId: string;
  role: Role;
  action: AuditAction;
  customerId: string | null;
  fields: string[];
  purpose: Purpose | null;
  requestId: string;
  details: Record<string, unknown>;
}

export interface NewAuditEntry extends Omit<AuditEntry, "occurredAt"> {
  workspaceId: string;
  occurredAt?: Date;
}

export interface AuditQuery {
  actorId: string | null;
  customerId: string | null;
  action: AuditAction | null;
  from: Date | null;
  /** Exclusive. */
  to: Date | null;
  /** Continue after this row (newest first: occurred_at, id descending). */
  after: { occurredAt: string; id: string } | null;
  limit: number;
}

export interface AuditPage {
  items: AuditEntry[];
  next: { occurredAt: string; id: string } | null;
}

/** The audit trail: append and read, nothing else (the database refuses changes). */
export interface AuditRepository {
  append(entries: readonly NewAuditEntry[]): Promise<void>;
  /** Newest first. */
  list(workspaceId: string, query: AuditQuery): Promise<AuditPage>;
}
