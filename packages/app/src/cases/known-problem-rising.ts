import { detectRising, type Repositories, type RisingSignal } from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

/**
 * Categories and products with more new cases this week than their own
 * trailing weeks predict (Poisson test, see detectRising): new common
 * complaints, early. `weeks` of history (default 8) precede the tested week.
 */
export async function listRisingComplaints(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "knownProblems"> },
  query: { asOf: Date; historyWeeks?: number; alpha?: number; minCount?: number },
): Promise<{ weekStart: Date; historyWeeks: number; signals: RisingSignal[] }> {
  authorize(ctx, "cases.read");
  const historyWeeks = query.historyWeeks ?? 8;
  if (!Number.isInteger(historyWeeks) || historyWeeks < 2 || historyWeeks > 52) throw invalidInput("weeks", "The history is a whole number of weeks between 2 and 52.");
  const series = await deps.repositories.knownProblems.weeklyCounts(ctx.workspaceId, query.asOf, historyWeeks + 1);
  const day = Date.UTC(query.asOf.getUTCFullYear(), query.asOf.getUTCMonth(), query.asOf.getUTCDate());
  const weekStart = new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000);
  return { weekStart, historyWeeks, signals: detectRising(series, { ...(query.alpha !== undefined ? { alpha: query.alpha } : {}), ...(query.minCount !== undefined ? { minCount: query.minCount } : {}) }) };
}
