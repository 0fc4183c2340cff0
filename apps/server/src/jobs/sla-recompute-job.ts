import type PgBoss from "pg-boss";
import { recomputeSlaStates } from "@tenure/app";
import type { Repositories } from "@tenure/domain";
import { startWorkspaceSweepJob } from "./workspace-sweep-job.ts";

/** Cron of the SLA recompute: every minute (pg-boss's finest schedule). */
export const slaRecomputeCron = "* * * * *";

/**
 * The `sla-recompute` queue, scheduled every minute: it recomputes the SLA
 * clocks of every workspace's open cases, raising warnings, breaches and
 * escalation events (recomputeSlaStates).
 */
export async function startSlaRecomputeJob(
  boss: PgBoss,
  deps: { repositories: Repositories; pollingIntervalSeconds?: number },
  report: (message: string, error: unknown) => void,
): Promise<void> {
  await startWorkspaceSweepJob(boss, deps, report, { queue: "sla-recompute", cron: slaRecomputeCron, what: "SLA recompute", run: (ctx, now) => recomputeSlaStates(ctx, deps, now) });
}
