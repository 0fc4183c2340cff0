import PgBoss from "pg-boss";
import { refitCustomerValue, type JobQueue } from "@tenure/app";
import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { jobQueueSql, type Database } from "@tenure/storage";
import { startRecoveryFollowUpJob } from "./recovery-follow-up-job.ts";
import { startSlaRecomputeJob } from "./sla-recompute-job.ts";
import type { SatisfactionDeps } from "../http/api-server.ts";
import { startSurveyTriggersJob } from "./survey-triggers-job.ts";

/** Cron of the daily refit of every workspace (UTC). */
export const dailyRefitCron = "0 3 * * *";
/** A workspace whose newest fit is older than this is refitted when the jobs start. */
const staleAfterMs = 24 * 3_600_000;

export interface JobsDeps {
  database: Database;
  repositories: Repositories;
  /** Where a failed job is reported (default: stderr). */
  onError?: (message: string, error: unknown) => void;
  /** How often a worker looks for work (default 2 s; tests use less). */
  pollingIntervalSeconds?: number;
  /** Survey links and mail, for the survey-triggers job. */
  satisfaction?: SatisfactionDeps | undefined;
}

/** The running job system: a queue for use cases and a way to stop. */
export interface Jobs {
  queue: JobQueue;
  /** Stop taking work; waits for running jobs to finish. */
  stop(): Promise<void>;
}

const system = (workspaceId: string): RequestContext => ({ workspaceId, actorId: "system:jobs", role: "admin", purpose: "analytics", requestId: `job:clv-refit:${workspaceId}` });

/**
 * Start pg-boss 10 on the application database (PGlite or PostgreSQL; its
 * tables live in the `pgboss` schema) with two queues: `clv-refit` (one
 * workspace's refit; "stately", so a workspace has at most one refit waiting
 * and one running) and `clv-refit-daily` (scheduled daily at 03:00 UTC; it
 * queues a `clv-refit` for every workspace). On start, every workspace
 * without a fit from the last 24 hours gets a `clv-refit`.
 */
export async function startJobs(deps: JobsDeps): Promise<Jobs> {
  const report = deps.onError ?? ((message, error) => process.stderr.write(`${message}: ${error instanceof Error ? error.message : String(error)}\n`));
  const boss = new PgBoss({ db: jobQueueSql(deps.database), schedule: true, supervise: true });
  boss.on("error", (error) => report("job system error", error));
  await boss.start();
  await boss.createQueue("clv-refit", { name: "clv-refit", policy: "stately", retryLimit: 1, expireInSeconds: 30 * 60 });
  await boss.createQueue("clv-refit-daily", { name: "clv-refit-daily" });
  const queue: JobQueue = {
    enqueue: (name, data) => boss.send(name, data, { singletonKey: data.workspaceId }),
  };
  const polling = { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 2 };
  await boss.work<{ workspaceId: string }>("clv-refit", polling, async ([job]) => {
    if (!job) return;
    try {
      await refitCustomerValue(system(job.data.workspaceId), deps);
    } catch (error) {
      report(`customer-value refit of workspace ${job.data.workspaceId} failed`, error);
      throw error;
    }
  });
  await boss.work("clv-refit-daily", polling, async () => {
    for (const workspace of await deps.repositories.workspaces.list()) await queue.enqueue("clv-refit", { workspaceId: workspace.id });
  });
  await boss.schedule("clv-refit-daily", dailyRefitCron, {}, { tz: "UTC" });
  await startSlaRecomputeJob(boss, deps, report);
  await startRecoveryFollowUpJob(boss, deps, report);
  await startSurveyTriggersJob(boss, deps, report);
  // Catch up at start: data loaded while no server ran (a CLI import on PGlite,
  // whose one process held the database) gets its refit now, not at 03:00.
  for (const workspace of await deps.repositories.workspaces.list()) {
    const latest = await deps.repositories.customerValue.findLatestFit(workspace.id);
    if (!latest || Date.now() - latest.createdAt.getTime() > staleAfterMs) await queue.enqueue("clv-refit", { workspaceId: workspace.id });
  }
  return { queue, stop: () => boss.stop({ graceful: true, wait: true }) };
}
