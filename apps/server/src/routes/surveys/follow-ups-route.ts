import { listFollowUps } from "@tenure/app";
import { followUpSchema, followUpsQuerySchema } from "@tenure/api-schemas";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

/** GET /api/follow-ups?overdue=true */
export function followUpsRoute(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/follow-ups",
    {
      schema: {
        tags: ["surveys"],
        ...routePermission("customers.read"),
        summary: "Open follow-up tasks of unhappy answers, earliest due first",
        description: "A detractor (NPS 0–6), CSAT ≤ 2 or CES ≤ 3 opens a task for the customer's owner, due in 48 hours.",
        querystring: followUpsQuerySchema,
        response: { 200: z.object({ items: z.array(followUpSchema) }), ...problemResponses },
      },
    },
    async (request) => {
      const now = new Date();
      const tasks = await listFollowUps(requestContext(request), deps, { overdue: request.query.overdue === "true", ...(request.query.limit ? { limit: request.query.limit } : {}) }, now);
      return {
        items: tasks.map((t) => ({
          id: t.id,
          customer_id: t.customerId,
          response_id: t.responseId,
          owner_user_id: t.ownerUserId,
          reason: t.reason,
          status: t.status,
          outcome: t.outcome,
          due_at: t.dueAt.toISOString(),
          created_at: t.createdAt.toISOString(),
          overdue: t.dueAt.getTime() < now.getTime(),
        })),
      };
    },
  );
}
