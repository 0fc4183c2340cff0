import { createCustomer } from "@tenure/app";
import { createCustomerBodySchema, customerSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { routePermission } from "../security/route-permission.ts";
import { writeProblemResponses } from "../problem-responses.ts";
import { fromCustomerBody, toCustomerJson } from "./customer-json.ts";

/** POST /api/customers */
export function createCustomerRoute(app: ApiServer, deps: AppDeps): void {
  app.post(
    "/api/customers",
    {
      schema: {
        tags: ["customers"],
        ...routePermission("customers.create"),
        summary: "Create a customer",
        description: "An external_id already in use answers 409 customer_exists with existing_id; nothing is overwritten.",
        body: createCustomerBodySchema,
        response: { 201: customerSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const customer = await createCustomer(requestContext(request), deps, { ...fromCustomerBody(request.body), kind: request.body.kind });
      reply.code(201).header("location", `/api/customers/${customer.id}`).header("etag", `"${customer.version}"`);
      return toCustomerJson(customer);
    },
  );
}
