import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { caseCreateRoute } from "./case-create-route.ts";
import { caseGetRoutes } from "./case-get-route.ts";
import { caseListRoute } from "./case-list-route.ts";
import { caseServiceMetricsRoute } from "./case-service-metrics-route.ts";
import { caseWriteRoutes } from "./case-write-routes.ts";

/** The case API under /api/cases and the service metrics. */
export async function caseRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  caseListRoute(app, deps);
  caseCreateRoute(app, deps);
  caseGetRoutes(app, deps);
  caseWriteRoutes(app, deps);
  caseServiceMetricsRoute(app, deps);
}
