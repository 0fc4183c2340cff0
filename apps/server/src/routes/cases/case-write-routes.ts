import { addCaseComment, changeCaseStatus, updateCase } from "@tenure/app";
import { addCaseCommentBodySchema, caseEventSchema, caseIdParamsSchema, caseSchema, changeCaseStatusBodySchema, updateCaseBodySchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { fromCaseBody, toCaseEventJson, toCaseJson } from "./case-json.ts";

/** PATCH /api/cases/{id}, POST /api/cases/{id}/status, POST /api/cases/{id}/comments */
export function caseWriteRoutes(app: ApiServer, deps: AppDeps): void {
  app.patch(
    "/api/cases/:id",
    {
      schema: {
        tags: ["cases"],
        ...routePermission("cases.write"),
        summary: "Change some fields of a case",
        description: "Send the version you read; a stale one answers 409 version_conflict. Status changes go through POST /api/cases/{id}/status.",
        params: caseIdParamsSchema,
        body: updateCaseBodySchema,
        response: { 200: caseSchema, ...writeProblemResponses },
      },
    },
    async (request) => {
      const shown = await updateCase(requestContext(request), deps, { id: request.params.id, changes: fromCaseBody(request.body), version: request.body.version });
      return toCaseJson(shown);
    },
  );
  app.post(
    "/api/cases/:id/status",
    {
      schema: {
        tags: ["cases"],
        ...routePermission("cases.write"),
        summary: "Move a case along its life cycle",
        description: "new → open → pending_customer / on_hold → open → resolved → closed; resolved → open reopens (counted). A move the life cycle does not allow answers 409 invalid_transition naming from and to; resolving needs resolution_note.",
        params: caseIdParamsSchema,
        body: changeCaseStatusBodySchema,
        response: { 200: caseSchema, ...writeProblemResponses },
      },
    },
    async (request) => {
      const body = request.body;
      const shown = await changeCaseStatus(requestContext(request), deps, { id: request.params.id, status: body.status, resolutionNote: body.resolution_note, version: body.version });
      return toCaseJson(shown);
    },
  );
  app.post(
    "/api/cases/:id/comments",
    {
      schema: {
        tags: ["cases"],
        ...routePermission("cases.write"),
        summary: "Add a note, a response to the customer or a customer update",
        params: caseIdParamsSchema,
        body: addCaseCommentBodySchema,
        response: { 201: caseEventSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const event = await addCaseComment(requestContext(request), deps, { id: request.params.id, kind: request.body.kind, body: request.body.body });
      reply.code(201);
      return toCaseEventJson(event);
    },
  );
}
