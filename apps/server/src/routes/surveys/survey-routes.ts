import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { publicSurveyRoutes } from "./public-survey-routes.ts";

/** Surveys: the public answer page /s/{token}. Registered only when the server has satisfaction settings. */
export async function surveyRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  const { satisfaction } = deps;
  if (satisfaction === undefined) return;
  await publicSurveyRoutes(app, { ...deps, satisfaction });
}
