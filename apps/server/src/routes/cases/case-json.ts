import type { Case, CaseChannel, CaseEvent, CaseFields, CasePriority, EditableCaseField, ServiceMetricsRow } from "@tenure/domain";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A case as the API returns it (snake_case, ISO times). */
export function toCaseJson(c: Case) {
  return {
    id: c.id,
    external_id: c.externalId,
    customer_id: c.customerId,
    contact_id: c.contactId,
    subject: c.subject,
    description: c.description,
    channel: c.channel,
    category: c.category,
    product_id: c.productId,
    priority: c.priority,
    status: c.status,
    owner_user_id: c.ownerUserId,
    team_id: c.teamId,
    known_problem_id: c.knownProblemId,
    is_company_failure: c.isCompanyFailure,
    resolution_note: c.resolutionNote,
    version: c.version,
    opened_at: c.openedAt.toISOString(),
    first_response_at: iso(c.firstResponseAt),
    last_customer_update_at: iso(c.lastCustomerUpdateAt),
    resolved_at: iso(c.resolvedAt),
    closed_at: iso(c.closedAt),
    reopen_count: c.reopenCount,
    handoff_count: c.handoffCount,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export function toCaseEventJson(e: CaseEvent) {
  return {
    id: e.id,
    kind: e.kind,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor_user_id: e.actorUserId,
    body: e.body,
    data: e.data,
    occurred_at: e.occurredAt.toISOString(),
  };
}

export function toServiceMetricsRowJson(row: ServiceMetricsRow) {
  return {
    group: row.group,
    cases: row.cases,
    resolved: row.resolved,
    first_response_median_hours: row.firstResponseMedianHours,
    first_response_p90_hours: row.firstResponseP90Hours,
    resolution_median_hours: row.resolutionMedianHours,
    resolution_p90_hours: row.resolutionP90Hours,
    reopen_rate: row.reopenRate,
    handoffs_per_case: row.handoffsPerCase,
    sla_attainment: row.slaAttainment,
    ces: row.ces,
    ces_responses: row.cesResponses,
  };
}

/** The writable fields of a create or update body, as use-case input (absent stays absent). */
export function fromCaseBody(body: {
  contact_id?: string | null | undefined;
  subject?: string | undefined;
  description?: string | null | undefined;
  channel?: CaseChannel | undefined;
  category?: string | null | undefined;
  product_id?: string | null | undefined;
  priority?: CasePriority | undefined;
  owner_user_id?: string | null | undefined;
  team_id?: string | null | undefined;
}): Partial<Pick<CaseFields, EditableCaseField>> {
  const out: Partial<Pick<CaseFields, EditableCaseField>> = {};
  if (body.contact_id !== undefined) out.contactId = body.contact_id;
  if (body.subject !== undefined) out.subject = body.subject;
  if (body.description !== undefined) out.description = body.description;
  if (body.channel !== undefined) out.channel = body.channel;
  if (body.category !== undefined) out.category = body.category;
  if (body.product_id !== undefined) out.productId = body.product_id;
  if (body.priority !== undefined) out.priority = body.priority;
  if (body.owner_user_id !== undefined) out.ownerUserId = body.owner_user_id;
  if (body.team_id !== undefined) out.teamId = body.team_id;
  return out;
}
