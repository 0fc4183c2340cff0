import { createSavedView, deleteSavedView, getUserLocale, listSavedViews, setUserLocale, updateSavedView } from "@tenure/app";
import type { SavedView } from "@tenure/domain";
import {
  createSavedViewBodySchema,
  preferencesSchema,
  savedViewIdParamsSchema,
  savedViewListSchema,
  savedViewSchema,
  savedViewsQuerySchema,
  updatePreferencesBodySchema,
  updateSavedViewBodySchema,
} from "@tenure/api-schemas";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

function toViewJson(v: SavedView) {
  return { id: v.id, page: v.page, name: v.name, query: v.query, created_at: v.createdAt.toISOString(), updated_at: v.updatedAt.toISOString() };
}

/** The signed-in user's own settings: GET/PUT /api/session/preferences (language) and saved list views /api/views. */
export async function preferenceRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  app.get(
    "/api/session/preferences",
    { schema: { tags: ["session"], summary: "The caller's preferences (language)", response: { 200: preferencesSchema, ...problemResponses } } },
    async (request) => ({ locale: await getUserLocale(requestContext(request), deps) }),
  );

  app.put(
    "/api/session/preferences",
    {
      schema: {
        tags: ["session"],
        summary: "Keep the caller's language (en, ja, zh, ru) for every browser they sign in from",
        body: updatePreferencesBodySchema,
        response: { 200: preferencesSchema, ...problemResponses },
      },
    },
    async (request) => ({ locale: await setUserLocale(requestContext(request), deps, request.body) }),
  );

  const tags = ["views"];
  app.get(
    "/api/views",
    {
      schema: { tags, ...routePermission("customers.read"), summary: "The caller's saved views of a list page", querystring: savedViewsQuerySchema, response: { 200: savedViewListSchema, ...problemResponses } },
    },
    async (request) => ({ items: (await listSavedViews(requestContext(request), deps, request.query)).map(toViewJson) }),
  );

  app.post(
    "/api/views",
    {
      schema: { tags, ...routePermission("customers.read"), summary: "Save a view (filters and sort) of a list page", body: createSavedViewBodySchema, response: { 201: savedViewSchema, ...problemResponses } },
    },
    async (request, reply) => reply.code(201).send(toViewJson(await createSavedView(requestContext(request), deps, request.body))),
  );

  app.patch(
    "/api/views/:id",
    {
      schema: {
        tags,
        ...routePermission("customers.read"),
        summary: "Rename a saved view or replace its query",
        params: savedViewIdParamsSchema,
        body: updateSavedViewBodySchema,
        response: { 200: savedViewSchema, ...problemResponses },
      },
    },
    async (request) => toViewJson(await updateSavedView(requestContext(request), deps, { id: request.params.id, ...request.body })),
  );

  app.delete(
    "/api/views/:id",
    {
      schema: { tags, ...routePermission("customers.read"), summary: "Delete a saved view", params: savedViewIdParamsSchema, response: { 204: z.null().describe("Deleted"), ...problemResponses } },
    },
    async (request, reply) => {
      await deleteSavedView(requestContext(request), deps, { id: request.params.id });
      return reply.code(204).send(null);
    },
  );
}
