import { listFollowUps, updateFollowUp } from "@tenure/app";
import { followUpDetailSchema, followUpSchema, followUpsQuerySchema, updateFollowUpBodySchema, type FollowUpJson } from "@tenure/api-schemas";
import type { FollowUpTask } from "@tenure/domain";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses, writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

function toFollowUpJson(t: FollowUpTask, now: Date): FollowUpJson {
  return {
    id: t.id,
    customer_id: t.customerId,
    response_id: t.responseId,
    owner_user_id: t.ownerUserId,
    reason: t.reason,
    status: t.status,
    outcome: t.outcome,
    due_at: t.dueAt.toISOString(),
    created_at: t.createdAt.toISOString(),
    overdue: (t.status === "open" || t.status === "in_progress") && t.dueAt.getTime() < now.getTime(),
  };
}

/** GET /api/follow-ups?overdue=true, PATCH /api/follow-ups/{id} */
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
      return { items: tasks.map((t) => toFollowUpJson(t, now)) };
    },
  );

  app.patch(
    "/api/follow-ups/:id",
    {
      schema: {
        tags: ["surveys"],
        ...routePermission("follow_ups.update"),
        summary: "Move a follow-up along: open → in_progress → done (outcome required) or cancelled",
        description:
          "Reps change the tasks of their own customers, agents those of customers they support. A closed task cannot change (409 follow_up_transition). After done, POST /api/surveys/{id}/send with follow_up_id re-surveys the customer once, outside the frequency cap.",
        params: z.object({ id: z.string() }),
        body: updateFollowUpBodySchema,
        response: { 200: followUpDetailSchema, ...writeProblemResponses },
      },
    },
    async (request) => {
      const now = new Date();
      const task = await updateFollowUp(requestContext(request), deps, { id: request.params.id, status: request.body.status, outcome: request.body.outcome }, now);
      return { ...toFollowUpJson(task, now), closed_at: task.closedAt?.toISOString() ?? null, resurvey_invitation_id: task.resurveyInvitationId ?? null };
    },
  );
}
