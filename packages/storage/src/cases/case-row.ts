import type { Insertable, Selectable } from "kysely";
import type { Case, CaseChannel, CaseChanges, CaseEvent, CasePriority, CaseStatus } from "@tenure/domain";
import type { CaseTables } from "./case-tables.ts";

type CaseRow = Selectable<CaseTables["cases"]>;

/** A cases row as the domain type. */
export function toCase(row: CaseRow): Case {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    externalId: row.external_id,
    customerId: row.customer_id,
    contactId: row.contact_id,
    subject: row.subject,
    description: row.description,
    channel: row.channel as CaseChannel,
    category: row.category,
    productId: row.product_id,
    priority: row.priority as CasePriority,
    status: row.status as CaseStatus,
    ownerUserId: row.owner_user_id,
    teamId: row.team_id,
    knownProblemId: row.known_problem_id,
    isCompanyFailure: row.is_company_failure,
    resolutionNote: row.resolution_note,
    version: row.version,
    openedAt: row.opened_at,
    firstResponseAt: row.first_response_at,
    lastCustomerUpdateAt: row.last_customer_update_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    reopenCount: row.reopen_count,
    handoffCount: row.handoff_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const columnOf: Record<keyof CaseChanges, keyof CaseRow> = {
  externalId: "external_id",
  contactId: "contact_id",
  subject: "subject",
  description: "description",
  channel: "channel",
  category: "category",
  productId: "product_id",
  priority: "priority",
  status: "status",
  ownerUserId: "owner_user_id",
  teamId: "team_id",
  knownProblemId: "known_problem_id",
  isCompanyFailure: "is_company_failure",
  resolutionNote: "resolution_note",
  openedAt: "opened_at",
  firstResponseAt: "first_response_at",
  lastCustomerUpdateAt: "last_customer_update_at",
  resolvedAt: "resolved_at",
  closedAt: "closed_at",
  reopenCount: "reopen_count",
  handoffCount: "handoff_count",
};

/** The columns of the changeable fields present in `changes` (other keys are ignored). */
export function toCaseColumns(changes: CaseChanges): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columnOf)) {
    const value = changes[field as keyof CaseChanges];
    if (value !== undefined) out[column] = value;
  }
  return out;
}

/** The full insert row of a case. */
export function toCaseInsert(row: Case): Insertable<CaseTables["cases"]> {
  return {
    ...toCaseColumns(row),
    workspace_id: row.workspaceId,
    id: row.id,
    customer_id: row.customerId,
    subject: row.subject,
    channel: row.channel,
    priority: row.priority,
    status: row.status,
    is_company_failure: row.isCompanyFailure,
    opened_at: row.openedAt,
    version: row.version,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

export function toCaseEvent(row: Selectable<CaseTables["case_events"]>): CaseEvent {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    fromStatus: row.from_status as CaseStatus | null,
    toStatus: row.to_status as CaseStatus | null,
    actorUserId: row.actor_user_id,
    body: row.body,
    data: row.data,
    occurredAt: row.occurred_at,
  };
}

export function toCaseEventInsert(event: CaseEvent): Insertable<CaseTables["case_events"]> {
  return {
    workspace_id: event.workspaceId,
    id: event.id,
    case_id: event.caseId,
    kind: event.kind,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    actor_user_id: event.actorUserId,
    body: event.body,
    data: JSON.stringify(event.data),
    occurred_at: event.occurredAt,
  };
}
