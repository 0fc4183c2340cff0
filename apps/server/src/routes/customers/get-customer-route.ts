import { getCustomerProfile } from "@tenure/app";
import { customerIdParamsSchema, customerProfileSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { routePermission } from "../security/route-permission.ts";
import { problemResponses } from "../problem-responses.ts";
import { toCustomerProfileJson } from "./customer-json.ts";

/** GET /api/customers/{id} */
export function getCustomerRoute(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/customers/:id",
    {
      schema: {
        tags: ["customers"],
        ...routePermission("customers.read"),
        summary: "A customer with contacts, order summary, latest events, scores and satisfaction",
        params: customerIdParamsSchema,
        response: { 200: customerProfileSchema, ...problemResponses },
      },
      // The body is built field by field to CustomerProfileJson (customer-json.ts), so
      // zod's parse of every field before stringifying (the app-wide serializer) only
      // cost CPU on the busiest read; the schema still documents the response.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      // one database round trip: customer_profile() (migrations 0004, 0014)
      const profile = await getCustomerProfile(ctx, deps, { id: request.params.id });
      reply.header("etag", `"${profile.customer.version}"`);
      return toCustomerProfileJson(profile);
    },
  );
}
