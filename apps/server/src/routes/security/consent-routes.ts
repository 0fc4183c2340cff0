import type { ConsentRecord } from "@tenure/domain";
import { listConsents, recordConsent } from "@tenure/app";
import { consentRecordSchema, customerConsentsSchema, customerIdParamsSchema, recordConsentBodySchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses, writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "./route-permission.ts";

function toConsentJson(r: ConsentRecord) {
  return { id: r.id, purpose: r.purpose, status: r.status, recorded_at: r.recordedAt.toISOString(), source: r.source, actor_id: r.actorId };
}

/** GET and POST /api/customers/{id}/consents. */
export async function consentRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  app.get(
    "/api/customers/:id/consents",
    {
      schema: {
        tags: ["privacy"],
        summary: "A customer's consent per purpose, and its history",
        ...routePermission("consents.read"),
        params: customerIdParamsSchema,
        response: { 200: customerConsentsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const consents = await listConsents(requestContext(request), deps, { customerId: request.params.id });
      return {
        current: Object.fromEntries(Object.entries(consents.current).map(([purpose, r]) => [purpose, toConsentJson(r)])),
        history: consents.history.map(toConsentJson),
      };
    },
  );

  app.post(
    "/api/customers/:id/consents",
    {
      schema: {
        tags: ["privacy"],
        summary: "Record a consent decision (granted or withdrawn) for one purpose",
        description: "Decisions are never overwritten: the newest is in force, earlier ones remain as history.",
        ...routePermission("consents.write"),
        params: customerIdParamsSchema,
        body: recordConsentBodySchema,
        response: { 201: consentRecordSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const record = await recordConsent(requestContext(request), deps, {
        customerId: request.params.id,
        purpose: body.purpose,
        status: body.status,
        source: body.source,
        recordedAt: body.recorded_at ? new Date(body.recorded_at) : undefined,
      });
      return reply.code(201).send(toConsentJson(record));
    },
  );
}
