import {
  customerEffortScore,
  customerSatisfactionIndex,
  customerSatisfactionScore,
  csiFromMeans,
  netPromoterScore,
  responseRate,
  type AcsiTriple,
  type MeanMetric,
  type NetPromoterScore,
  type SatisfactionIndex,
  type ShareMetric,
} from "@tenure/analytics";
import type { Repositories, SatisfactionMonth, SatisfactionSegment } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

export interface SatisfactionMonthReport {
  month: string;
  responses: number;
  nps: number | null;
  npsMarginOfError: number | null;
  csat: number | null;
  ces: number | null;
  /** Under the whole period's weights, so months compare. */
  csi: number | null;
  responseRate: number | null;
}

export interface SatisfactionReport {
  from: Date;
  to: Date;
  segment: SatisfactionSegment | null;
  responses: number;
  nps: NetPromoterScore;
  csat: ShareMetric;
  ces: MeanMetric;
  csi: SatisfactionIndex;
  invitationsSent: number;
  /** Answered invitations over invitations sent in the period, %. */
  responseRate: number | null;
  series: SatisfactionMonthReport[];
}

const segmentFields: readonly SatisfactionSegment["field"][] = ["owner", "country", "kind", "account_type", "industry", "size_band"];

/**
 * NPS (with margin of error), CSAT, CES, CSI and response rate over
 * [from, to), with a monthly series, for the workspace or one segment
 * ("country:DE", "owner:usr_…", "kind:organization", "account_type:…",
 * "industry:…", "size_band:…"). The database returns sufficient statistics
 * per month; the metrics are computed from their sums (analytics/satisfaction).
 */
export async function getSatisfaction(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "surveys"> },
  input: { from: Date; to: Date; segment?: string | null },
): Promise<SatisfactionReport> {
  authorize(ctx, "analytics.read");
  if (!(input.from.getTime() < input.to.getTime())) throw new AppError("invalid_period", "invalid_input", "from: must be before to", { field: "from" });
  const segment = parseSegment(input.segment ?? null);
  const months = await deps.repositories.surveys.satisfactionByMonth(ctx.workspaceId, { from: input.from, to: input.to, segment });
  const total = months.reduce(addMonth, emptyMonth("total"));
  const csi = customerSatisfactionIndex({ n: total.acsiN, sum: total.acsiSum, crossProducts: total.acsiCrossProducts });
  return {
    from: input.from,
    to: input.to,
    segment,
    responses: total.responses,
    nps: netPromoterScore(total),
    csat: customerSatisfactionScore(total.csatSatisfied, total.csatResponses),
    ces: customerEffortScore(total.cesSum, total.cesResponses),
    csi,
    invitationsSent: total.invitationsSent,
    responseRate: responseRate(total.invitationsAnswered, total.invitationsSent),
    series: months.map((m) => {
      const nps = netPromoterScore(m);
      const means: AcsiTriple | null = m.acsiN > 0 ? [m.acsiSum[0] / m.acsiN, m.acsiSum[1] / m.acsiN, m.acsiSum[2] / m.acsiN] : null;
      return {
        month: m.month,
        responses: m.responses,
        nps: nps.nps,
        npsMarginOfError: nps.marginOfError,
        csat: customerSatisfactionScore(m.csatSatisfied, m.csatResponses).value,
        ces: customerEffortScore(m.cesSum, m.cesResponses).value,
        csi: means === null ? null : csiFromMeans(means, csi.weights),
        responseRate: responseRate(m.invitationsAnswered, m.invitationsSent),
      };
    }),
  };
}

function parseSegment(text: string | null): SatisfactionSegment | null {
  if (text === null || text.trim() === "") return null;
  const at = text.indexOf(":");
  const field = segmentFields.find((f) => f === text.slice(0, at));
  const value = text.slice(at + 1).trim();
  if (at < 0 || field === undefined || value === "") {
    throw new AppError("invalid_segment", "invalid_input", `segment: expected field:value with field one of ${segmentFields.join(", ")}, got "${text}"`, { field: "segment" });
  }
  return { field, value };
}

function emptyMonth(month: string): SatisfactionMonth {
  return {
    month,
    responses: 0,
    promoters: 0,
    passives: 0,
    detractors: 0,
    csatSatisfied: 0,
    csatResponses: 0,
    cesSum: 0,
    cesResponses: 0,
    acsiN: 0,
    acsiSum: [0, 0, 0],
    acsiCrossProducts: [[0, 0, 0], [0, 0, 0], [0, 0, 0]],
    invitationsSent: 0,
    invitationsAnswered: 0,
  };
}

function addMonth(a: SatisfactionMonth, b: SatisfactionMonth): SatisfactionMonth {
  const add3 = (x: readonly number[], y: readonly number[]): [number, number, number] => [(x[0] ?? 0) + (y[0] ?? 0), (x[1] ?? 0) + (y[1] ?? 0), (x[2] ?? 0) + (y[2] ?? 0)];
  return {
    month: a.month,
    responses: a.responses + b.responses,
    promoters: a.promoters + b.promoters,
    passives: a.passives + b.passives,
    detractors: a.detractors + b.detractors,
    csatSatisfied: a.csatSatisfied + b.csatSatisfied,
    csatResponses: a.csatResponses + b.csatResponses,
    cesSum: a.cesSum + b.cesSum,
    cesResponses: a.cesResponses + b.cesResponses,
    acsiN: a.acsiN + b.acsiN,
    acsiSum: add3(a.acsiSum, b.acsiSum),
    acsiCrossProducts: a.acsiCrossProducts.map((row, i) => add3(row, b.acsiCrossProducts[i] ?? [])),
    invitationsSent: a.invitationsSent + b.invitationsSent,
    invitationsAnswered: a.invitationsAnswered + b.invitationsAnswered,
  };
}
