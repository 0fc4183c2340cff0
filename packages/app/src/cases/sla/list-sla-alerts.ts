import type { Repositories, SlaAlert } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize, customerScopeOf } from "../../security/authorize.ts";

/**
 * SLA warnings and breaches (escalations), newest first, with whom each
 * notifies. Admins, managers and analysts see all; a rep or an agent only
 * the alerts that notify them (as owner or team lead).
 */
export async function listSlaAlerts(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "slas"> },
  query: { kind?: "warning" | "breach"; caseId?: string; limit?: number },
): Promise<SlaAlert[]> {
  authorize(ctx, "cases.read");
  const scope = customerScopeOf(ctx);
  const notifiedUserId = scope.kind === "all" ? null : scope.userId;
  return deps.repositories.slas.listAlerts(ctx.workspaceId, { kind: query.kind ?? null, caseId: query.caseId ?? null, notifiedUserId, limit: Math.min(Math.max(query.limit ?? 100, 1), 500) });
}
