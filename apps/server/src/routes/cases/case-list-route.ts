import { listCases } from "@tenure/app";
import { caseListSchema, listCasesQuerySchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { toCaseJson } from "./case-json.ts";

/** GET /api/cases */
export function caseListRoute(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/cases",
    {
      schema: {
        tags: ["cases"],
        ...routePermission("cases.read"),
        summary: "The case queue",
        description: "Filters: status, priority (comma-separated), owner, team, category, product, customer, known_problem, q (subject). Sorted by priority then age by default; cursor-paginated with the total.",
        querystring: listCasesQuerySchema,
        response: { 200: caseListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listCases(requestContext(request), deps, {
        statuses: q.status,
        priorities: q.priority,
        ownerUserId: q.owner,
        teamId: q.team,
        category: q.category,
        productId: q.product,
        customerId: q.customer,
        knownProblemId: q.known_problem,
        q: q.q,
        sort: q.sort,
        cursor: q.cursor,
        limit: q.limit,
      });
      return { items: page.items.map(toCaseJson), total: page.total, next_cursor: page.nextCursor };
    },
  );
}
