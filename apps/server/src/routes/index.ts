import type { ApiServer, AppDeps } from "../http/api-server.ts";
import { clvRoutes } from "./analytics/clv-routes.ts";
import { caseRoutes } from "./cases/case-routes.ts";
import { customerRoutes } from "./customers/customer-routes.ts";
import { docsRoutes } from "./docs-routes.ts";
import { healthRoute } from "./health-route.ts";
import { webRoutes } from "./web/web-routes.ts";
import { insightRoutes } from "./insights/insight-routes.ts";
import { preferenceRoutes } from "./preferences/preference-routes.ts";
import { securityRoutes } from "./security/security-routes.ts";
import { segmentRoutes } from "./segment/segment-routes.ts";
import { surveyRoutes } from "./surveys/survey-routes.ts";
import { feedbackRoutes } from "./feedback/feedback-routes.ts";
import { recoveryRoutes } from "./cases/recovery-routes.ts";
import { slaHandoffKnownProblemRoutes } from "./cases/sla-handoff-known-problem-routes.ts";
import { importRoutes } from "./imports/import-routes.ts";
import { adminRoutes } from "./admin/admin-routes.ts";
import { clvRankingRoute } from "./analytics/clv-ranking-route.ts";
import { clvValidationRoute } from "./analytics/clv-validation-route.ts";

/**
 * A group of routes. Set `config: { auth: "write_key" | "none" }` on a route
 * that is not a Bearer-token /api route; the default is `api`.
 */
export type RouteGroup = (app: ApiServer, deps: AppDeps) => Promise<void>;

/** Every route group, in registration order; append new groups here. */
export const routeGroups: readonly RouteGroup[] = [healthRoute, docsRoutes, customerRoutes, webRoutes, segmentRoutes, clvRoutes, securityRoutes, surveyRoutes, feedbackRoutes, recoveryRoutes, importRoutes, adminRoutes, clvRankingRoute, clvValidationRoute, slaHandoffKnownProblemRoutes, caseRoutes, insightRoutes, preferenceRoutes];

/** Register every route group on `app`. */
export async function registerRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  for (const group of routeGroups) await group(app, deps);
}
