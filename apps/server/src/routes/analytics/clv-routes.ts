import { getCustomerValueFit, requestCustomerValueRefit } from "@tenure/app";
import { clvFitSchema, clvRefitAcceptedSchema, type ClvFitJson } from "@tenure/api-schemas";
import type { CustomerValueFit } from "@tenure/domain";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

/** Customer value under /api/analytics/clv: the latest fit, and asking for a refit. */
export async function clvRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  app.get(
    "/api/analytics/clv",
    {
      schema: {
        tags: ["analytics"],
        ...routePermission("analytics.read"),
        summary: "The latest customer-value fit: model, parameters, standard errors, fit quality and diagnostics data",
        response: { 200: clvFitSchema, ...problemResponses },
      },
    },
    async (request) => toClvFitJson(await getCustomerValueFit(requestContext(request), deps)),
  );

  app.post(
    "/api/analytics/clv/refit",
    {
      schema: {
        tags: ["analytics"],
        ...routePermission("analytics.run"),
        summary: "Refit the customer-value model and rescore every customer (a background job)",
        response: { 202: clvRefitAcceptedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await requestCustomerValueRefit(requestContext(request), deps);
      reply.code(202);
      return { job_id: outcome.jobId, status: outcome.status };
    },
  );
}

function toClvFitJson(fit: CustomerValueFit): ClvFitJson {
  return {
    id: fit.id,
    model: fit.model,
    params: finite(fit.params),
    standard_errors: finite(fit.standardErrors),
    log_likelihood: Number.isFinite(fit.logLikelihood) ? fit.logLikelihood : null,
    converged: fit.converged,
    customers: fit.customers,
    rows: fit.rows,
    computed_at: fit.createdAt.toISOString(),
    report: fit.report,
  };
}

function finite(values: Record<string, number | null>): Record<string, number | null> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "number" && Number.isFinite(v) ? v : null]));
}
