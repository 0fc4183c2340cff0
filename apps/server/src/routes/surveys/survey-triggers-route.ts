import { getSurveyTriggerSettings, putSurveyTriggerSettings } from "@tenure/app";
import { surveyTriggerSettingsSchema, type SurveyTriggerSettingsJson } from "@tenure/api-schemas";
import type { SurveyTriggerSettings } from "@tenure/domain";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

function toJson(s: SurveyTriggerSettings): SurveyTriggerSettingsJson {
  return { enabled: s.enabled, channel: s.channel, relationship_days: s.relationshipDays, onboarding_days: s.onboardingDays, exit_p_alive: s.exitPAlive };
}

/** GET and PUT /api/surveys/triggers: the automatic survey triggers of the workspace. */
export function surveyTriggersRoute(app: ApiServer, deps: AppDeps): void {
  const description =
    "Off by default. When on, the job survey-triggers (every 5 minutes, and right after a case is resolved) sends CES + CSAT after a resolved case, relationship NPS every relationship_days, CSAT onboarding_days after a customer was first seen (or on an Onboarding Completed event), and NPS when P(alive) falls below exit_p_alive or a contract is cancelled — each subject to the frequency cap and consent, each once.";
  app.get(
    "/api/surveys/triggers",
    { schema: { tags: ["surveys"], ...routePermission("analytics.read"), summary: "Automatic survey triggers", description, response: { 200: surveyTriggerSettingsSchema, ...writeProblemResponses } } },
    async (request) => toJson(await getSurveyTriggerSettings(requestContext(request), deps)),
  );
  app.put(
    "/api/surveys/triggers",
    {
      schema: { tags: ["surveys"], ...routePermission("analytics.run"), summary: "Set the automatic survey triggers", description, body: surveyTriggerSettingsSchema, response: { 200: surveyTriggerSettingsSchema, ...writeProblemResponses } },
    },
    async (request) => {
      const b = request.body;
      return toJson(
        await putSurveyTriggerSettings(requestContext(request), deps, { enabled: b.enabled, channel: b.channel, relationshipDays: b.relationship_days, onboardingDays: b.onboarding_days, exitPAlive: b.exit_p_alive }),
      );
    },
  );
}
