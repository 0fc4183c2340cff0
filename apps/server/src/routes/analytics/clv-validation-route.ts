import { validateCustomerValue } from "@tenure/app";
import { clvValidationQuerySchema, clvValidationSchema, problemSchema } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

/** GET /api/analytics/clv/validation: calibration against a holdout and the tracking plot, for the Value page. */
export async function clvValidationRoute(app: ApiServer, deps: AppDeps): Promise<void> {
  app.get(
    "/api/analytics/clv/validation",
    {
      schema: {
        tags: ["analytics"],
        ...routePermission("analytics.read"),
        summary: "The purchase model fitted on the first two thirds of the history and checked against the last third (computed on request)",
        querystring: clvValidationQuerySchema,
        response: { 200: clvValidationSchema, 409: problemSchema.describe("clv_history_too_short"), ...problemResponses },
      },
    },
    async (request) => {
      const v = await validateCustomerValue(requestContext(request), deps, { points: request.query.points });
      return {
        model: v.model,
        period_unit: v.periodUnit,
        calibration_end: v.calibrationEnd.toISOString(),
        observation_end: v.observationEnd.toISOString(),
        holdout_periods: v.holdoutPeriods,
        converged: v.converged,
        calibration_holdout: v.calibrationHoldout.map((r) => ({ frequency: r.frequency, pooled: r.pooled, customers: r.customers, actual: r.actual, predicted: r.predicted })),
        tracking: { period: v.tracking.period, actual: v.tracking.actual, predicted: v.tracking.predicted, calibration_end_index: v.tracking.calibrationEndIndex },
      };
    },
  );
}
