import type PgBoss from "pg-boss";
import { recomputeSlaStates } from "@tenure/app";
import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";

/** Cron of the SLA recompute: every minute (pg-boss's finest schedule). */
export const slaRecomputeCron = "* * * * *";

const system = (workspaceId: string): RequestContext => ({ workspaceId, actorId: "system:jobs", role: "admin", purpose: null, requestId: `job:sla-recompute:${workspaceId}` });

/**
 * The `sla-recompute` queue ("stately": at most one run waiting and one
 * running, so a slow run never piles up), scheduled every minute: it
 * recomputes the SLA clocks of every workspace's open cases, raising
 * warnings, breaches and escalation events (recomputeSlaStates).
 */
export async function startSlaRecomputeJob(
  boss: PgBoss,
  deps: { repositories: Repositories; pollingIntervalSeconds?: number },
  report: (message: string, error: unknown) => void,
): Promise<void> {
  await boss.createQueue("sla-recompute", { name: "sla-recompute", policy: "stately", retryLimit: 0, expireInSeconds: 10 * 60 });
  await boss.work("sla-recompute", { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 2 }, async () => {
    const now = new Date();
    for (const workspace of await deps.repositories.workspaces.list()) {
      try {
        await recomputeSlaStates(system(workspace.id), deps, now);
      } catch (error) {
        // one workspace's failure must not hold up the others' clocks
        report(`SLA recompute of workspace ${workspace.id} failed`, error);
      }
    }
  });
  await boss.schedule("sla-recompute", slaRecomputeCron, {}, { tz: "UTC" });
}
