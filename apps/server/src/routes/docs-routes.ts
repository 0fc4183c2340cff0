import swaggerUi from "@fastify/swagger-ui";
import type { ApiServer } from "../http/api-server.ts";

export const docsPrefix = "/api/docs";

/**
 * GET /api/openapi.json (the OpenAPI 3 document) and the Swagger UI page at
 * /api/docs, both public. The UI's own CSP hashes its inline scripts; the
 * defaults are tightened (no framing, no third-party validator) and
 * upgrade-insecure-requests is dropped so the page also works over plain
 * HTTP on localhost.
 */
export async function docsRoutes(app: ApiServer): Promise<void> {
  app.get("/api/openapi.json", { config: { auth: "none" }, schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: docsPrefix,
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace(/\s*upgrade-insecure-requests;?/, "")
        .replace(" validator.swagger.io", "")
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
    uiConfig: { url: "/api/openapi.json" },
  });
}
