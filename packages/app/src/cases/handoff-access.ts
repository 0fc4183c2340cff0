import type { HandoffCase, Repositories } from "@tenure/domain";
import { notFound, type RequestContext } from "@tenure/shared";

/** The case of a handoff use case, locked when `forUpdate`; case_not_found when it does not exist. */
export async function handoffCaseOrThrow(ctx: RequestContext, repositories: Pick<Repositories, "handoffs">, caseId: string, forUpdate = false): Promise<HandoffCase> {
  const found = await repositories.handoffs.findCase(ctx.workspaceId, caseId, { forUpdate });
  if (!found) throw notFound("case_not_found", `Case ${caseId} does not exist.`, { caseId });
  return found;
}
