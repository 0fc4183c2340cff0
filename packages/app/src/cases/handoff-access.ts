import type { HandoffCase, Permission, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { caseForCaller, caseNotFound } from "./case-access.ts";

/** What reading a case for a handoff needs: the case row rule and the handoff view of the case. */
export type HandoffCaseRepositories = Pick<Repositories, "handoffs" | "cases" | "customers" | "assignments">;

/**
 * authorize(`permission`) and the case row rule (caseForCaller; the case is
 * locked when `forUpdate`), then the case as a handoff needs it; case_not_found
 * when it does not exist or is outside the caller's rows.
 */
export async function handoffCaseOrThrow(ctx: RequestContext, repositories: HandoffCaseRepositories, permission: Permission, caseId: string, forUpdate = false): Promise<HandoffCase> {
  await caseForCaller(ctx, repositories, permission, caseId, { forUpdate });
  const found = await repositories.handoffs.findCase(ctx.workspaceId, caseId);
  if (!found) throw caseNotFound(caseId);
  return found;
}
