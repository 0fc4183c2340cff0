import { planStatusChange, type Case, type CaseStatus, type Repositories } from "@tenure/domain";
import { newId, type RequestContext } from "@tenure/shared";
import type { JobQueue } from "../jobs/job-queue.ts";
import { actorOf, caseForCaller, showCase } from "./case-access.ts";
import { caseTimelineEvent } from "./case-timeline-event.ts";
import { checkVersion } from "./update-case.ts";

export interface ChangeCaseStatusInput {
  id: string;
  status: CaseStatus;
  /** Required to resolve. */
  resolutionNote?: string | null | undefined;
  /** When given, a stale version is a conflict. */
  version?: number | undefined;
}

/**
 * Move a case along its life cycle (domain planStatusChange: invalid moves
 * are refused naming from and to; resolving needs a note; resolved → open
 * counts a reopen). Writes a status_changed event; a resolution also writes
 * `case.resolved` on the customer's timeline and, after the commit, queues
 * `survey-triggers` when a job queue is present (the trigger sweep catches
 * it otherwise).
 */
export async function changeCaseStatus(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction">; jobs?: JobQueue | undefined },
  input: ChangeCaseStatusInput,
  options: { now?: Date } = {},
): Promise<Case> {
  const at = options.now ?? new Date();
  const updated = await deps.repositories.transaction(async (tx) => {
    const current = await caseForCaller(ctx, tx, "cases.write", input.id, { forUpdate: true });
    if (input.version !== undefined) checkVersion(current, input.version);
    const change = planStatusChange(current, input.status, at, input.resolutionNote ?? null);
    const { reopened, ...columns } = change;
    const next = await tx.cases.update(ctx.workspaceId, input.id, columns);
    await tx.cases.addEvents([
      {
        workspaceId: ctx.workspaceId,
        id: newId("caseEvent"),
        caseId: input.id,
        kind: "status_changed",
        fromStatus: current.status,
        toStatus: next.status,
        actorUserId: actorOf(ctx),
        body: change.resolutionNote ?? null,
        data: { version: next.version, ...(reopened ? { reopen: true } : {}) },
        occurredAt: at,
      },
    ]);
    if (next.status === "resolved") await tx.customers.addEvent(caseTimelineEvent(ctx, next, "case.resolved", at, "api"));
    return next;
  });
  if (updated.status === "resolved" && deps.jobs) await deps.jobs.enqueue("survey-triggers", { workspaceId: ctx.workspaceId });
  return showCase(ctx, updated);
}
