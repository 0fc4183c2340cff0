import type { HandoffJson, ResponsibilityJson } from "@tenure/api-schemas";
import type { Handoff, ResponsibilityEntry } from "@tenure/domain";

/** A handoff as the API shows it. */
export function toHandoffJson(h: Handoff): HandoffJson {
  return {
    id: h.id,
    case_id: h.caseId,
    from_user_id: h.fromUserId,
    to_user_id: h.toUserId,
    to_team_id: h.toTeamId,
    brief: { problem: h.brief.problem, tried: h.brief.tried, customer_mood: h.brief.customerMood, promised: h.brief.promised },
    status: h.status,
    requested_by: h.requestedBy,
    requested_at: h.requestedAt.toISOString(),
    decided_at: h.decidedAt?.toISOString() ?? null,
  };
}

/** A line of the responsibility map as the API shows it. */
export function toResponsibilityJson(e: ResponsibilityEntry): ResponsibilityJson {
  return {
    id: e.id,
    user_id: e.userId,
    team_id: e.teamId,
    skills: e.skills,
    product_ids: e.productIds,
    languages: e.languages,
    lead: e.lead,
    max_open_cases: e.maxOpenCases,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}
