import type { Case, NewTimelineEvent } from "@tenure/domain";
import { newId, type RequestContext } from "@tenure/shared";

/** The customer timeline event (table events) of a case opening or resolution. */
export function caseTimelineEvent(ctx: RequestContext, shown: Case, type: "case.opened" | "case.resolved", at: Date, source: string): NewTimelineEvent {
  return {
    workspaceId: ctx.workspaceId,
    id: newId("event"),
    customerId: shown.customerId,
    type,
    occurredAt: at,
    source,
    summary: type === "case.opened" ? `Case opened: ${shown.subject}` : `Case resolved: ${shown.subject}`,
    properties: { actor_id: ctx.actorId, case_id: shown.id, priority: shown.priority, category: shown.category, ...(type === "case.resolved" ? { reopen_count: shown.reopenCount } : {}) },
  };
}
