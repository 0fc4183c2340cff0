/** Where a case came in. */
export const caseChannels = ["email", "phone", "chat", "web", "social", "in_person", "api"] as const;
export type CaseChannel = (typeof caseChannels)[number];

/** Most urgent first: the queue's priority order. */
export const casePriorities = ["urgent", "high", "normal", "low"] as const;
export type CasePriority = (typeof casePriorities)[number];

export const caseStatuses = ["new", "open", "pending_customer", "on_hold", "resolved", "closed"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses of work still to do (the queue's default). */
export const openCaseStatuses: readonly CaseStatus[] = ["new", "open", "pending_customer", "on_hold"];

/** A customer's request or problem, worked by an owner in a team. */
export interface Case {
  workspaceId: string;
  id: string;
  externalId: string | null;
  customerId: string;
  contactId: string | null;
  subject: string;
  description: string | null;
  channel: CaseChannel;
  category: string | null;
  productId: string | null;
  priority: CasePriority;
  status: CaseStatus;
  ownerUserId: string | null;
  teamId: string | null;
  knownProblemId: string | null;
  isCompanyFailure: boolean;
  resolutionNote: string | null;
  version: number;
  openedAt: Date;
  firstResponseAt: Date | null;
  lastCustomerUpdateAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
  handoffCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields a caller sets when creating or editing a case. */
export type CaseFields = Pick<
  Case,
  "externalId" | "customerId" | "contactId" | "subject" | "description" | "channel" | "category" | "productId" | "priority" | "ownerUserId" | "teamId"
>;

/** Fields a PATCH may change (status has its own route, the customer never changes). */
export const editableCaseFields = ["subject", "description", "channel", "category", "productId", "priority", "ownerUserId", "teamId", "contactId"] as const;
export type EditableCaseField = (typeof editableCaseFields)[number];

/** What happened to a case; rows with from/to status are its status history. */
export type CaseEventKind =
  | "created"
  | "status_changed"
  | "comment"
  | "response"
  | "customer_update"
  | "updated"
  | "assigned"
  | "log_activity"
  | "handoff_requested"
  | "handoff_accepted"
  | "linked_problem"
  | "failure_marked"
  | (string & {});

export interface CaseEvent {
  workspaceId: string;
  id: string;
  caseId: string;
  kind: CaseEventKind;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  actorUserId: string | null;
  body: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

export interface Team {
  workspaceId: string;
  id: string;
  name: string;
  timeZone: string;
}
