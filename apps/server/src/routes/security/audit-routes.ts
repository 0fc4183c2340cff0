import type { AuditEntry } from "@tenure/domain";
import { listAudit } from "@tenure/app";
import { auditListSchema, auditQuerySchema } from "@tenure/api-schemas";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { auditCsv } from "./audit-csv.ts";
import { routePermission } from "./route-permission.ts";

/** An audit row in the API's shape. */
export function toAuditJson(e: AuditEntry) {
  return {
    id: e.id,
    occurred_at: e.occurredAt.toISOString(),
    actor_id: e.actorId,
    role: e.role,
    action: e.action,
    customer_id: e.customerId,
    fields: e.fields,
    purpose: e.purpose,
    request_id: e.requestId,
    details: e.details,
  };
}

/** GET /api/audit (admins): JSON pages, or CSV with Accept: text/csv or ?format=csv. */
export async function auditRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["privacy"],
        summary: "The audit trail: reads of personal data and every change, newest first",
        description: "Filters: actor, customer, action, from, to (ISO 8601). CSV export: Accept: text/csv or format=csv (up to limit rows, default 100, at most 10000).",
        ...routePermission("audit.read"),
        querystring: auditQuerySchema,
        response: { 200: auditListSchema.or(z.string().describe("text/csv")), ...problemResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const page = await listAudit(requestContext(request), deps, {
        actorId: q.actor,
        customerId: q.customer,
        action: q.action,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        cursor: q.cursor,
        limit: q.limit,
      });
      const wantsCsv = q.format === "csv" || (q.format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ""));
      if (wantsCsv) {
        if (page.nextCursor) reply.header("x-next-cursor", page.nextCursor);
        return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="audit.csv"').send(auditCsv(page.items));
      }
      return { items: page.items.map(toAuditJson), next_cursor: page.nextCursor };
    },
  );
}
