import { getCase, listCaseEvents } from "@tenure/app";
import { caseEventListSchema, caseIdParamsSchema, caseSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { toCaseEventJson, toCaseJson } from "./case-json.ts";

/** GET /api/cases/{id} and GET /api/cases/{id}/events */
export function caseGetRoutes(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/cases/:id",
    {
      schema: {
        tags: ["cases"],
        ...routePermission("cases.read"),
        summary: "One case",
        params: caseIdParamsSchema,
        response: { 200: caseSchema, ...problemResponses },
      },
    },
    async (request) => toCaseJson(await getCase(requestContext(request), deps, request.params.id)),
  );
  app.get(
    "/api/cases/:id/events",
    {
      schema: {
        tags: ["cases"],
        ...routePermission("cases.read"),
        summary: "The case's timeline and status history, oldest first",
        params: caseIdParamsSchema,
        response: { 200: caseEventListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: (await listCaseEvents(requestContext(request), deps, request.params.id)).map(toCaseEventJson) }),
  );
}
