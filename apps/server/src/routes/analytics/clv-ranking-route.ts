import { rankCustomersByValue } from "@tenure/app";
import { clvRankingQuerySchema, clvRankingSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

/** GET /api/analytics/clv/customers: the customers of highest CLV, for the Value page. */
export async function clvRankingRoute(app: ApiServer, deps: AppDeps): Promise<void> {
  app.get(
    "/api/analytics/clv/customers",
    {
      schema: {
        tags: ["analytics"],
        ...routePermission("analytics.read"),
        summary: "Customers ranked by CLV (the latest refit's scores), highest first; a rep sees its own portfolio",
        querystring: clvRankingQuerySchema,
        response: { 200: clvRankingSchema, ...problemResponses },
      },
    },
    async (request) => ({
      items: (await rankCustomersByValue(requestContext(request), deps, { limit: request.query.limit ?? 50 })).map((r) => ({
        customer_id: r.customerId,
        kind: r.kind,
        clv: r.clv,
        p_alive: r.pAlive,
        expected_purchases_365: r.expectedPurchases365,
        expected_spend: r.expectedSpend,
        frequency: r.frequency,
        recency: r.recency,
        age: r.age,
      })),
    }),
  );
}
