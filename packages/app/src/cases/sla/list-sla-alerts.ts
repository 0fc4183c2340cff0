import type { Repositories, SlaAlert } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../../security/authorize.ts";

/** SLA warnings and breaches (escalations), newest first, with whom each notifies. */
export async function listSlaAlerts(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "slas"> },
  query: { kind?: "warning" | "breach"; caseId?: string; limit?: number },
): Promise<SlaAlert[]> {
  authorize(ctx, "cases.read");
  return deps.repositories.slas.listAlerts(ctx.workspaceId, { kind: query.kind ?? null, caseId: query.caseId ?? null, limit: Math.min(Math.max(query.limit ?? 100, 1), 500) });
}
