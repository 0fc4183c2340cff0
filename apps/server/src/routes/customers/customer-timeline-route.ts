import { listCustomerTimeline } from "@tenure/app";
import { customerIdParamsSchema, timelinePageSchema, timelineQuerySchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { routePermission } from "../security/route-permission.ts";
import { problemResponses } from "../problem-responses.ts";
import { toTimelineEventJson } from "./customer-json.ts";

/** GET /api/customers/{id}/timeline */
export function customerTimelineRoute(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/customers/:id/timeline",
    {
      schema: {
        tags: ["customers"],
        ...routePermission("customers.read"),
        summary: "A customer's timeline, newest first",
        params: customerIdParamsSchema,
        querystring: timelineQuerySchema,
        response: { 200: timelinePageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { type, cursor, limit } = request.query;
      const page = await listCustomerTimeline(requestContext(request), deps, {
        customerId: request.params.id,
        types: type ? type.split(",").map((t) => t.trim()).filter(Boolean) : [],
        cursor,
        limit,
      });
      return { items: page.items.map(toTimelineEventJson), next_cursor: page.nextCursor };
    },
  );
}
