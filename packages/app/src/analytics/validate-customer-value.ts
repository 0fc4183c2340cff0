import { calibrationHoldoutByFrequency, compressSummaryRows, type CalibrationHoldoutRow } from "@tenure/analytics";
import { customerValueSettings, type Repositories } from "@tenure/domain";
import { AppError, notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";
import { customerValueModel } from "./score-customer-value.ts";

/** The out-of-sample check of the workspace's purchase model (Fader, Hardie & Lee 2005, figures 3 and 5). */
export interface CustomerValueValidation {
  model: string;
  periodUnit: "day" | "week";
  calibrationEnd: Date;
  observationEnd: Date;
  /** Periods held out after the calibration end (a third of the history). */
  holdoutPeriods: number;
  converged: boolean;
  /** Mean holdout repeat purchases per calibration frequency, observed and predicted. */
  calibrationHoldout: CalibrationHoldoutRow[];
  /** Cumulative repeat purchases of all customers, observed and predicted, at a few points of the history. */
  tracking: { period: number[]; actual: number[]; predicted: number[]; calibrationEndIndex: number };
}

const dayMs = 86_400_000;

/**
 * Fit the purchase model on the first two thirds of the order history and
 * compare its predictions with what happened in the last third: per
 * calibration frequency (conditional expectations), and as cumulative repeat
 * purchases over time (the tracking plot; one summary query per point, so
 * `points` bounds the cost). Stores nothing.
 */
export async function validateCustomerValue(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "customerValue"> },
  input: { points?: number } = {},
): Promise<CustomerValueValidation> {
  authorize(ctx, "analytics.read");
  const repository = deps.repositories.customerValue;
  const raw = await repository.readSettings(ctx.workspaceId);
  if (raw === null) throw notFound("workspace_not_found", "The caller's workspace no longer exists");
  const settings = customerValueSettings(raw);
  const unit = settings.periodUnit;
  const periodMs = (unit === "day" ? 1 : 7) * dayMs;
  const observationEnd = await repository.latestPurchaseAt(ctx.workspaceId);
  if (observationEnd === null) throw notFound("clv_no_purchases", "The workspace has no purchases to validate a model on: import orders first");
  const full = await repository.readSummaries(ctx.workspaceId, { unit, observationEnd });
  let span = 0;
  for (const age of full.age) span = Math.max(span, age);
  if (span < 6) throw new AppError("clv_history_too_short", "conflict", `The order history spans ${span} ${unit}s: at least 6 are needed to hold a third out`, { span });
  const holdoutPeriods = Math.floor(span / 3);
  const calibrationEnd = new Date(observationEnd.getTime() - holdoutPeriods * periodMs);
  const cal = await repository.readSummaries(ctx.workspaceId, { unit, observationEnd: calibrationEnd });

  const model = customerValueModel(settings.model);
  const keep = [...cal.age.keys()].filter((i) => cal.age[i]! > 0);
  const pick = (column: Float64Array) => Float64Array.from(keep, (i) => column[i]!);
  const fit = model.fit(compressSummaryRows(pick(cal.frequency), pick(cal.recency), pick(cal.age)));
  const params = fit.params;

  const fullIndex = new Map(full.customerIds.map((id, j) => [id, j]));
  const holdout = new Float64Array(cal.customerIds.length);
  const predicted = new Float64Array(cal.customerIds.length);
  const cache = new Map<string, number>();
  cal.customerIds.forEach((id, i) => {
    const j = fullIndex.get(id);
    holdout[i] = j === undefined ? 0 : full.frequency[j]! - cal.frequency[i]!;
    const key = `${cal.frequency[i]}|${cal.recency[i]}|${cal.age[i]}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = model.conditionalExpectedPurchases(params, holdoutPeriods, cal.frequency[i]!, cal.recency[i]!, cal.age[i]!);
      cache.set(key, value);
    }
    predicted[i] = value;
  });

  // Tracking: points at equal steps of the history, the calibration end among them.
  const points = Math.max(3, Math.min(24, input.points ?? 8));
  const periods = [...new Set([...Array.from({ length: points }, (_, k) => Math.round(((k + 1) * span) / points)), span - holdoutPeriods])].sort((a, b) => a - b);
  const expected = new Map<number, number>();
  const expectedAt = (t: number) => {
    let value = expected.get(t);
    if (value === undefined) expected.set(t, (value = t <= 0 ? 0 : model.expectedPurchases(params, t)));
    return value;
  };
  const actual: number[] = [];
  const predictedTotals: number[] = [];
  for (const p of periods) {
    const summaries = p === span ? full : await repository.readSummaries(ctx.workspaceId, { unit, observationEnd: new Date(observationEnd.getTime() - (span - p) * periodMs) });
    actual.push(summaries.frequency.reduce((sum, x) => sum + x, 0));
    let total = 0;
    for (const age of full.age) total += expectedAt(p - (span - age));
    predictedTotals.push(total);
  }
  return {
    model: settings.model,
    periodUnit: unit,
    calibrationEnd,
    observationEnd,
    holdoutPeriods,
    converged: fit.converged,
    calibrationHoldout: calibrationHoldoutByFrequency({ frequency: cal.frequency, holdoutFrequency: holdout, predicted }),
    tracking: { period: periods, actual, predicted: predictedTotals, calibrationEndIndex: periods.indexOf(span - holdoutPeriods) },
  };
}
