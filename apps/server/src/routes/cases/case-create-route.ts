import { createCase } from "@tenure/app";
import { caseSchema, createCaseBodySchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { fromCaseBody, toCaseJson } from "./case-json.ts";

/** POST /api/cases */
export function caseCreateRoute(app: ApiServer, deps: AppDeps): void {
  app.post(
    "/api/cases",
    {
      schema: {
        tags: ["cases"],
        ...routePermission("cases.write"),
        summary: "Open a case",
        description: "Idempotent by external_id: sending the same external_id again answers 200 with the case already created.",
        body: createCaseBodySchema,
        response: { 200: caseSchema, 201: caseSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await createCase(requestContext(request), deps, {
        ...fromCaseBody(body),
        customerId: body.customer_id,
        subject: body.subject,
        externalId: body.external_id,
        openedAt: body.opened_at ? new Date(body.opened_at) : undefined,
      });
      reply.code(result.created ? 201 : 200).header("location", `/api/cases/${result.case.id}`);
      return toCaseJson(result.case);
    },
  );
}
