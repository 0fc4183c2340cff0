import { getSatisfaction, type SatisfactionReport } from "@tenure/app";
import { satisfactionQuerySchema, satisfactionSchema, type SatisfactionJson } from "@tenure/api-schemas";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

const day = 86_400_000;

function toSatisfactionJson(report: SatisfactionReport, from: string, to: string, segment: string | null): SatisfactionJson {
  return {
    from,
    to,
    segment,
    responses: report.responses,
    nps: { value: report.nps.nps, margin_of_error: report.nps.marginOfError, promoters: report.nps.promoters, passives: report.nps.passives, detractors: report.nps.detractors },
    csat: { value: report.csat.value, responses: report.csat.responses },
    ces: { value: report.ces.value, responses: report.ces.responses },
    csi: { value: report.csi.csi, responses: report.csi.n, weights: [...report.csi.weights], weighting: report.csi.weighting },
    invitations_sent: report.invitationsSent,
    response_rate: report.responseRate,
    series: report.series.map((m) => ({
      month: m.month,
      responses: m.responses,
      nps: m.nps,
      nps_margin_of_error: m.npsMarginOfError,
      csat: m.csat,
      ces: m.ces,
      csi: m.csi,
      response_rate: m.responseRate,
    })),
  };
}

/** GET /api/analytics/satisfaction?from=&to=&segment= */
export function satisfactionRoute(app: ApiServer, deps: AppDeps): void {
  app.get(
    "/api/analytics/satisfaction",
    {
      schema: {
        tags: ["analytics"],
        ...routePermission("analytics.read"),
        summary: "NPS, CSAT, CES, CSI and response rate for a period, with a monthly series",
        description: "Definitions and the CSI weighting: docs/satisfaction.md. Days are UTC; `to` is inclusive.",
        querystring: satisfactionQuerySchema,
        response: { 200: satisfactionSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { segment } = request.query;
      // default period: the last twelve calendar months, this one included
      const to = request.query.to ?? new Date().toISOString().slice(0, 10);
      const end = new Date(`${to}T00:00:00Z`);
      const from = request.query.from ?? new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
      const report = await getSatisfaction(requestContext(request), deps, {
        from: new Date(`${from}T00:00:00Z`),
        to: new Date(new Date(`${to}T00:00:00Z`).getTime() + day),
        segment: segment ?? null,
      });
      return toSatisfactionJson(report, from, to, segment ?? null);
    },
  );
}
