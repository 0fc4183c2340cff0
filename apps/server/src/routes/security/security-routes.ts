import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { auditRoutes } from "./audit-routes.ts";
import { consentRoutes } from "./consent-routes.ts";
import { privacyRoutes } from "./privacy-routes.ts";
import { sessionRoutes } from "./session-routes.ts";
import { tokenRoutes } from "./token-routes.ts";

/** Sessions, tokens, consents, audit and data subject requests. */
export async function securityRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  await sessionRoutes(app, deps);
  await tokenRoutes(app, deps);
  await consentRoutes(app, deps);
  await auditRoutes(app, deps);
  await privacyRoutes(app, deps);
}
