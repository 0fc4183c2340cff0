import { rankSpecialists, type SpecialistProposal } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { handoffCaseOrThrow, type HandoffCaseRepositories } from "./handoff-access.ts";

/**
 * Specialists for a case from the responsibility map, best first: matched on
 * the case's product, category (skill), the customer's language and team,
 * then the lighter current load (open cases plus pending handoffs).
 */
export async function proposeHandoffSpecialists(ctx: RequestContext, deps: { repositories: HandoffCaseRepositories }, caseId: string, limit = 5): Promise<SpecialistProposal[]> {
  const found = await handoffCaseOrThrow(ctx, deps.repositories, "cases.read", caseId);
  const entries = await deps.repositories.handoffs.listResponsibilities(ctx.workspaceId);
  const load = await deps.repositories.handoffs.openLoadByUser(ctx.workspaceId, [...new Set(entries.map((e) => e.userId))]);
  const need = { category: found.category, productId: found.productId, language: found.customerLocale, teamId: found.teamId, currentOwnerUserId: found.ownerUserId };
  return rankSpecialists(entries, need, load).slice(0, Math.min(Math.max(limit, 1), 50));
}
