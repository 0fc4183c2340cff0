import type PgBoss from "pg-boss";
import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";

/** A scheduled sweep over every workspace: its queue name, cron (UTC), what a failure is called, and the work per workspace. */
export interface WorkspaceSweep {
  queue: string;
  cron: string;
  /** "SLA recompute": reported as "<what> of workspace <id> failed" */
  what: string;
  run(ctx: RequestContext, now: Date): Promise<unknown>;
}

/**
 * Create the sweep's queue ("stately": at most one run waiting and one
 * running, so a slow run never piles up), work it — `run` for every
 * workspace as the system, one workspace's failure reported without holding
 * up the others — and schedule it.
 */
export async function startWorkspaceSweepJob(
  boss: PgBoss,
  deps: { repositories: Pick<Repositories, "workspaces">; pollingIntervalSeconds?: number },
  report: (message: string, error: unknown) => void,
  sweep: WorkspaceSweep,
): Promise<void> {
  await boss.createQueue(sweep.queue, { name: sweep.queue, policy: "stately", retryLimit: 0, expireInSeconds: 10 * 60 });
  await boss.work(sweep.queue, { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 2 }, async () => {
    const now = new Date();
    for (const workspace of await deps.repositories.workspaces.list()) {
      const ctx: RequestContext = { workspaceId: workspace.id, actorId: "system:jobs", role: "admin", purpose: null, requestId: `job:${sweep.queue}:${workspace.id}` };
      try {
        await sweep.run(ctx, now);
      } catch (error) {
        report(`${sweep.what} of workspace ${workspace.id} failed`, error);
      }
    }
  });
  await boss.schedule(sweep.queue, sweep.cron, {}, { tz: "UTC" });
}
