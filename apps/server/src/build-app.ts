import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import swagger from "@fastify/swagger";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { ApiServer, AppDeps, AuthMode } from "./http/api-server.ts";
import { registerAuthentication } from "./http/authentication.ts";
import { registerErrorHandling } from "./http/error-handling.ts";
import { registerInputHardening } from "./http/input-hardening.ts";
import { withLogRedaction } from "./http/log-redaction.ts";
import { registerSecurityHeaders } from "./http/security-headers.ts";
import { docsPrefix } from "./routes/docs-routes.ts";
import { registerRoutes } from "./routes/index.ts";

const securityOf: Record<AuthMode, Array<Record<string, string[]>>> = {
  api: [{ bearerAuth: [] }],
  write_key: [{ writeKey: [] }],
  none: [],
};

/**
 * The HTTP application, ready but not listening: tests drive it with
 * `app.inject`, main.ts calls `listen`. Every route authenticates by its
 * `config.auth` (Bearer API token unless it says otherwise), validates with
 * the zod schemas of @tenure/api-schemas and fails with problem+json.
 */
export async function buildApp(deps: AppDeps): Promise<ApiServer> {
  const app = Fastify({
    // Secrets and personal data never reach the logs (docs/security.md).
    logger: withLogRedaction(deps.logger),
    bodyLimit: deps.limits?.bodyLimitBytes ?? 1024 * 1024,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Make every route's auth mode explicit and declare it in OpenAPI.
  app.addHook("onRoute", (route) => {
    const auth: AuthMode = route.config?.auth ?? (route.url.startsWith(docsPrefix) ? "none" : "api");
    route.config = { ...route.config, auth };
    if (route.schema && !route.schema.hide) route.schema = { ...route.schema, security: securityOf[auth] };
  });

  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerInputHardening(app);
  registerAuthentication(app, deps.repositories);

  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "Tenure API", version: "0.1.0", description: "Customer retention and loyalty platform" },
      components: {
        securitySchemes: {
          bearerAuth: { type: "http", scheme: "bearer", description: "API token (tnr_…): tenure token create" },
          writeKey: { type: "http", scheme: "basic", description: "Ingestion write key (twk_…) as the user name, empty password" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await registerRoutes(app, deps);
  return app;
}
