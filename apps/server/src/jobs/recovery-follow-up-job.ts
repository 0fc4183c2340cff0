import type PgBoss from "pg-boss";
import { remindDueRecoveryFollowUps } from "@tenure/app";
import type { Repositories } from "@tenure/domain";
import { startWorkspaceSweepJob } from "./workspace-sweep-job.ts";

/** Cron of the recovery follow-up reminders: every hour, on the hour. */
export const recoveryFollowUpCron = "0 * * * *";

/**
 * The `recovery-follow-ups` queue, scheduled hourly: in every workspace, the
 * owner of each case whose recovery follow-up came due is reminded once
 * (remindDueRecoveryFollowUps).
 */
export async function startRecoveryFollowUpJob(
  boss: PgBoss,
  deps: { repositories: Repositories; pollingIntervalSeconds?: number },
  report: (message: string, error: unknown) => void,
): Promise<void> {
  await startWorkspaceSweepJob(boss, deps, report, {
    queue: "recovery-follow-ups",
    cron: recoveryFollowUpCron,
    what: "recovery follow-up reminders",
    run: (ctx, now) => remindDueRecoveryFollowUps(ctx, deps, now),
  });
}
