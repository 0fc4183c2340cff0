import { getServiceMetrics } from "@tenure/app";
import { serviceMetricsQuerySchema, serviceMetricsSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { toServiceMetricsRowJson } from "./case-json.ts";

const day = 86_400_000;

/** GET /api/analytics/service */
export function caseServiceMetricsRoute(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/analytics/service",
    {
      schema: {
        tags: ["cases", "analytics"],
        ...routePermission("analytics.read"),
        summary: "Service metrics of the cases opened in a range",
        description: "First response and resolution time (median, p90; wall-clock hours), reopen rate, handoffs per case, SLA attainment and CES, overall and by team, agent, product, category or period.",
        querystring: serviceMetricsQuerySchema,
        response: { 200: serviceMetricsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const to = q.to ? new Date(`${q.to}T00:00:00Z`) : new Date(Math.ceil(Date.now() / day) * day);
      const metrics = await getServiceMetrics(requestContext(request), deps, {
        from: q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(to.getTime() - 90 * day),
        to,
        groupBy: q.groupBy,
        period: q.period,
      });
      return {
        from: metrics.from.toISOString(),
        to: metrics.to.toISOString(),
        group_by: metrics.groupBy,
        total: metrics.total ? toServiceMetricsRowJson(metrics.total) : null,
        groups: metrics.groups.map(toServiceMetricsRowJson),
        sla_available: metrics.slaAvailable,
        ces_available: metrics.cesAvailable,
      };
    },
  );
}
