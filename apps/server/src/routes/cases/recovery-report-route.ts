import { getRecoveryReport } from "@tenure/app";
import { recoveryReportQuerySchema, recoveryReportSchema } from "@tenure/api-schemas";
import type { ProportionEstimate } from "@tenure/domain";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

const estimate = (e: ProportionEstimate) => ({ count: e.count, n: e.n, rate: e.rate, ci95_low: e.low, ci95_high: e.high });

/** GET /api/analytics/recovery: the recovery-paradox report. */
export function recoveryReportRoute(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/analytics/recovery",
    {
      schema: {
        tags: ["analytics"],
        ...routePermission("analytics.read"),
        summary: "Recovery paradox: churn and repurchase of recovered customers vs unresolved failures vs customers who never had a case",
        description:
          "Counts with Wilson 95% intervals. Repurchase: a completed order within 180 days after the failure (no_case: after as_of − 180 days); churn: no such order, or latest P(alive) < 0.5. Verdicts say 'not enough data' below 30 customers a group and 'no clear difference' when intervals overlap.",
        querystring: recoveryReportQuerySchema,
        response: { 200: recoveryReportSchema, ...problemResponses },
      },
    },
    async (request) => {
      const report = await getRecoveryReport(requestContext(request), deps, {
        ...(request.query.as_of ? { asOf: new Date(request.query.as_of) } : {}),
        ...(request.query.locale ? { locale: request.query.locale } : {}),
      });
      return {
        as_of: report.asOf.toISOString(),
        definition: { window_days: report.windowDays, churn_p_alive_below: report.churnPAlive, min_group_size: report.minGroupSize },
        groups: report.groups.map((g) => ({ cohort: g.cohort, customers: g.customers, repurchase: estimate(g.repurchase), churn: estimate(g.churn) })),
        comparisons: report.comparisons,
      };
    },
  );
}
