import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { followUpsRoute } from "./follow-ups-route.ts";
import { importAnswersRoute } from "./import-answers-route.ts";
import { publicSurveyRoutes } from "./public-survey-routes.ts";
import { satisfactionRoute } from "./satisfaction-route.ts";
import { surveyApiRoutes } from "./survey-api-routes.ts";
import { surveyTriggersRoute } from "./survey-triggers-route.ts";

/**
 * Surveys and satisfaction: /api/surveys, /api/analytics/satisfaction,
 * /api/follow-ups, /api/surveys/triggers, and —
 * when the server has satisfaction settings (secret, mailer) — sending and
 * the public answer page /s/{token}.
 */
export async function surveyRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  surveyApiRoutes(app, deps);
  satisfactionRoute(app, deps);
  followUpsRoute(app, deps);
  surveyTriggersRoute(app, deps);
  await importAnswersRoute(app, deps);
  const { satisfaction } = deps;
  if (satisfaction === undefined) return;
  await publicSurveyRoutes(app, { ...deps, satisfaction });
}
