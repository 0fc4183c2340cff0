import type { Case, CaseEvent, Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { caseForCaller, showCase, showCaseEvent } from "./case-access.ts";

type ReadDeps = { repositories: Pick<Repositories, "cases" | "customers" | "assignments"> };

/** One case (case_not_found outside the caller's rows). */
export async function getCase(ctx: RequestContext, deps: ReadDeps, id: string): Promise<Case> {
  return showCase(ctx, await caseForCaller(ctx, deps.repositories, "cases.read", id));
}

/** The case's timeline, oldest first: creation, status history, comments, assignments, handoffs, … */
export async function listCaseEvents(ctx: RequestContext, deps: ReadDeps, id: string): Promise<CaseEvent[]> {
  await caseForCaller(ctx, deps.repositories, "cases.read", id);
  const events = await deps.repositories.cases.listEvents(ctx.workspaceId, id);
  return events.map((e) => showCaseEvent(ctx, e));
}
