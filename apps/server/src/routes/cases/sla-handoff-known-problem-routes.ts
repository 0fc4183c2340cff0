import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { handoffRoutes } from "./handoff-routes.ts";
import { knownProblemRoutes } from "./known-problem-routes.ts";
import { slaRoutes } from "./sla-routes.ts";

/** SLAs, warm handoff and known problems (docs/cases.md). */
export async function slaHandoffKnownProblemRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  slaRoutes(app, deps);
  handoffRoutes(app, deps);
  knownProblemRoutes(app, deps);
}
