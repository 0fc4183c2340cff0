/** Why a caller wants personal data; checked against the customer's consents. */
export type Purpose = "service" | "sales" | "marketing" | "analytics" | "billing";

export type Role = "admin" | "manager" | "rep" | "agent" | "analyst";

/**
 * Who asks, in which workspace, and for what purpose. Every use case receives
 * one; no use case reads a workspace id from anywhere else.
 */
export interface RequestContext {
  workspaceId: string;
  /** The user or token that acts (`usr_…` / `tok_…`), for the audit trail. */
  actorId: string;
  role: Role;
  /** Declared purpose of the request, if any (X-Purpose header, CLI flag). */
  purpose: Purpose | null;
  /** Correlates log lines and audit rows of one request. */
  requestId: string;
}
