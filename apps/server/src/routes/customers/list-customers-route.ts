import { listCustomers } from "@tenure/app";
import { customerListSchema, listCustomersQuerySchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { routePermission } from "../security/route-permission.ts";
import { problemResponses } from "../problem-responses.ts";
import { toCustomerJson } from "./customer-json.ts";
import { customerListInput } from "./customer-list-input.ts";

/** GET /api/customers */
export function listCustomersRoute(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/customers",
    {
      schema: {
        tags: ["customers"],
        ...routePermission("customers.read"),
        summary: "Search and list customers",
        description: "Filters: q, type, owner, country and attr.<key>=<value> (repeatable). Cursor-paginated.",
        querystring: listCustomersQuerySchema,
        response: { 200: customerListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const query = request.query;
      const page = await listCustomers(requestContext(request), deps, { ...customerListInput(query), cursor: query.cursor, limit: query.limit });
      return { items: page.items.map(toCustomerJson), total: page.total, next_cursor: page.nextCursor };
    },
  );
}
