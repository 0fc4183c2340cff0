import type PgBoss from "pg-boss";
import { runSurveyTriggers } from "@tenure/app";
import type { Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import type { SatisfactionDeps } from "../http/api-server.ts";

/** Cron of the survey trigger sweep: every 5 minutes. */
export const surveyTriggersCron = "*/5 * * * *";

const system = (workspaceId: string): RequestContext => ({ workspaceId, actorId: "system:jobs", role: "admin", purpose: null, requestId: `job:survey-triggers:${workspaceId}` });

/**
 * The `survey-triggers` queue ("stately": one sweep waiting and one running
 * per workspace), scheduled every 5 minutes for every workspace; a job with
 * a `workspaceId` (queued right after a case is resolved) sweeps that one.
 * Each sweep is runSurveyTriggers: it sends nothing in a workspace whose
 * triggers are off. Without satisfaction settings (no link secret or mailer)
 * jobs are taken and do nothing.
 */
export async function startSurveyTriggersJob(
  boss: PgBoss,
  deps: { repositories: Repositories; satisfaction?: SatisfactionDeps | undefined; pollingIntervalSeconds?: number },
  report: (message: string, error: unknown) => void,
): Promise<void> {
  await boss.createQueue("survey-triggers", { name: "survey-triggers", policy: "stately", retryLimit: 0, expireInSeconds: 10 * 60 });
  await boss.work<{ workspaceId?: string }>("survey-triggers", { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 2 }, async ([job]) => {
    const { satisfaction } = deps;
    if (!job || satisfaction === undefined) return;
    const workspaceIds = job.data.workspaceId ? [job.data.workspaceId] : (await deps.repositories.workspaces.list()).map((w) => w.id);
    const sendDeps = { repositories: deps.repositories, mailer: satisfaction.mailer, links: { secret: satisfaction.secret, baseUrl: satisfaction.baseUrl }, frequencyDays: satisfaction.frequencyDays };
    for (const workspaceId of workspaceIds) {
      try {
        await runSurveyTriggers(system(workspaceId), sendDeps);
      } catch (error) {
        // one workspace's failure must not hold up the others' surveys
        report(`survey triggers of workspace ${workspaceId} failed`, error);
      }
    }
  });
  await boss.schedule("survey-triggers", surveyTriggersCron, {}, { tz: "UTC" });
}
