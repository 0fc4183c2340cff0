import type { ApiToken } from "@tenure/domain";
import { createApiToken, listApiTokens, revokeApiToken } from "@tenure/app";
import { apiTokenListSchema, apiTokenSchema, createdTokenSchema, createTokenBodySchema, tokenIdParamsSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "./route-permission.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toTokenJson(t: ApiToken) {
  return {
    id: t.id,
    kind: t.kind,
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    user_id: t.userId,
    created_at: t.createdAt.toISOString(),
    expires_at: iso(t.expiresAt),
    revoked_at: iso(t.revokedAt),
    last_used_at: iso(t.lastUsedAt),
  };
}

/** GET, POST /api/tokens and DELETE /api/tokens/{id} (admins). A secret is returned once, on creation; lists show only prefixes. */
export async function tokenRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  app.get(
    "/api/tokens",
    {
      schema: {
        tags: ["tokens"],
        summary: "List API tokens and write keys (revoked ones too)",
        ...routePermission("tokens.manage"),
        response: { 200: apiTokenListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: (await listApiTokens(requestContext(request), deps)).map(toTokenJson) }),
  );

  app.post(
    "/api/tokens",
    {
      schema: {
        tags: ["tokens"],
        summary: "Create an API token or write key; its secret is in this answer only",
        ...routePermission("tokens.manage"),
        body: createTokenBodySchema,
        response: { 201: createdTokenSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const created = await createApiToken(requestContext(request), deps, {
        kind: body.kind,
        name: body.name,
        role: body.role,
        userId: body.user_id ?? null,
        expiresAt: body.expires_at === undefined ? null : new Date(body.expires_at),
      });
      reply.code(201);
      return { token: toTokenJson(created.token), secret: created.secret };
    },
  );

  app.delete(
    "/api/tokens/:id",
    {
      schema: {
        tags: ["tokens"],
        summary: "Revoke an API token or write key; it stops working at once",
        ...routePermission("tokens.manage"),
        params: tokenIdParamsSchema,
        response: { 200: apiTokenSchema, ...problemResponses },
      },
    },
    async (request) => toTokenJson(await revokeApiToken(requestContext(request), deps, { idOrPrefix: request.params.id })),
  );
}
