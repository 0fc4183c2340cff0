import { updateCustomer } from "@tenure/app";
import { customerIdParamsSchema, customerSchema, updateCustomerBodySchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { versionFromIfMatch } from "../../http/if-match.ts";
import { routePermission } from "../security/route-permission.ts";
import { writeProblemResponses } from "../problem-responses.ts";
import { fromCustomerBody, toCustomerJson } from "./customer-json.ts";

/** PATCH /api/customers/{id} */
export function updateCustomerRoute(app: ApiServer, deps: AppDeps): void {
  app.patch(
    "/api/customers/:id",
    {
      schema: {
        tags: ["customers"],
        ...routePermission("customers.update"),
        summary: "Change some fields of a customer",
        description: "Send If-Match: <version> to refuse the change (409 version_conflict) if someone changed the customer since you read it.",
        params: customerIdParamsSchema,
        body: updateCustomerBodySchema,
        response: { 200: customerSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const customer = await updateCustomer(requestContext(request), deps, {
        id: request.params.id,
        changes: fromCustomerBody(request.body),
        expectedVersion: versionFromIfMatch(request.headers["if-match"]),
      });
      reply.header("etag", `"${customer.version}"`);
      return toCustomerJson(customer);
    },
  );
}
