import type { Repositories, SurveyTriggerSettings } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/** The workspace's automatic survey triggers (off by default). */
export async function getSurveyTriggerSettings(ctx: RequestContext, deps: { repositories: Pick<Repositories, "surveys"> }): Promise<SurveyTriggerSettings> {
  authorize(ctx, "analytics.read");
  return deps.repositories.surveys.findTriggerSettings(ctx.workspaceId);
}

/** Turn the triggers on or off and set their cadence and thresholds (ranges checked by the API schema and the database). */
export async function putSurveyTriggerSettings(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "surveys"> },
  settings: SurveyTriggerSettings,
  now: Date = new Date(),
): Promise<SurveyTriggerSettings> {
  authorize(ctx, "analytics.run");
  await deps.repositories.surveys.saveTriggerSettings(ctx.workspaceId, settings, now);
  return settings;
}
