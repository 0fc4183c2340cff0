import { getCustomerActivity, getDashboard, listCustomerMetrics } from "@tenure/app";
import { customerActivitySchema, customerIdParamsSchema, customerMetricsQuerySchema, customerMetricsSchema, dashboardSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { customerExportRoute } from "./customer-export-route.ts";
import { toActivityJson } from "./activity-json.ts";

/** Read models of the web app: GET /api/analytics/dashboard, /api/customers/metrics, /api/customers/{id}/activity, /api/customers/export.csv. */
export async function insightRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  app.get(
    "/api/analytics/dashboard",
    {
      schema: {
        tags: ["analytics"],
        ...routePermission("customers.read"),
        summary: "Dashboard figures over the caller's customers: count, revenue, value at risk",
        response: { 200: dashboardSchema, ...problemResponses },
      },
    },
    async (request) => {
      const d = await getDashboard(requestContext(request), deps);
      return {
        customers: d.customers,
        scored_customers: d.scoredCustomers,
        currency: d.currency,
        revenue: d.revenue,
        revenue_last_year: d.revenueLastYear,
        value_at_risk: d.valueAtRisk,
        at_risk_customers: d.atRiskCustomers,
        risk_threshold: d.riskThreshold,
      };
    },
  );

  app.get(
    "/api/customers/metrics",
    {
      schema: {
        tags: ["customers"],
        ...routePermission("customers.read"),
        summary: "List columns of some customers: owner, CLV, P(alive), latest NPS, open cases",
        description: "For the ids of one page of GET /api/customers. Ids outside the caller's rows are left out.",
        querystring: customerMetricsQuerySchema,
        response: { 200: customerMetricsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { currency, items } = await listCustomerMetrics(requestContext(request), deps, { ids: request.query.ids.split(",") });
      return {
        currency,
        items: items.map((m) => ({ customer_id: m.customerId, owner_name: m.ownerName, clv: m.clv, p_alive: m.pAlive, nps: m.nps, open_cases: m.openCases })),
      };
    },
  );

  app.get(
    "/api/customers/:id/activity",
    {
      schema: {
        tags: ["customers"],
        ...routePermission("customers.read"),
        summary: "A customer's orders, payments, contracts, and purchase history with P(alive) over time",
        params: customerIdParamsSchema,
        response: { 200: customerActivitySchema, ...problemResponses },
      },
    },
    async (request) => toActivityJson(await getCustomerActivity(requestContext(request), deps, { id: request.params.id })),
  );

  customerExportRoute(app, deps);
}
