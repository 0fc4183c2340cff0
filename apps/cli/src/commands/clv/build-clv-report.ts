import {
  calibrationHoldoutByFrequency,
  frequencyRecencyMatrix,
  repeatPurchaseTracking,
  type CalibrationHoldoutRow,
  type FrequencyRecencyMatrix,
  type RepeatPurchaseTracking,
} from "@tenure/analytics";
import type { ClvData } from "./clv-data.ts";
import { clvPredictor } from "./clv-predictor.ts";
import type { ClvFit } from "./fit-clv-model.ts";
import { fitDiagnostics, type FitDiagnostic } from "./fit-diagnostics.ts";
import type { PreparedClvScores } from "./prepare-clv-scores.ts";
import { trackingInput } from "./tracking-input.ts";

/** One customer in the top/bottom tables. */
export interface ReportCustomer {
  id: string;
  frequency: number;
  recency: number;
  T: number;
  monetary: number | null;
  probabilityAlive: number;
  expectedPurchases: number;
  clv: number;
}

/** Everything the HTML report shows, as data (the web app can render the same). */
export interface ClvReport {
  file: string;
  input: ClvData["input"];
  unitLabel: string;
  fits: ClvFit[];
  diagnostics: FitDiagnostic[];
  horizon: number;
  discountRate: number;
  margin: number;
  calibrationHoldout: { rows: CalibrationHoldoutRow[]; length: number } | null;
  tracking: RepeatPurchaseTracking | null;
  expectedPurchasesMatrix: FrequencyRecencyMatrix;
  aliveMatrix: FrequencyRecencyMatrix;
  top: ReportCustomer[];
  bottom: ReportCustomer[];
  /** Why a chart is missing, in words. */
  notes: string[];
}

const TABLE_ROWS = 10;

/** Assemble the report's data from a prepared scoring run (the same fits and scores `score` writes). */
export function buildClvReport(prepared: PreparedClvScores): ClvReport {
  const { data, model, fit, spendFit, scores, scoreOptions } = prepared;
  const predictor = clvPredictor(model, fit.params);
  const unitLabel = model === "bgbb" ? "opportunities" : data.unit === "period" ? "periods" : `${data.unit}s`;
  const notes: string[] = [];

  let calibrationHoldout: ClvReport["calibrationHoldout"] = null;
  if (data.holdout) {
    const { frequency: holdout, length } = data.holdout;
    const predicted = Float64Array.from(holdout, (_, i) => predictor.conditionalExpectedPurchases(length, data.frequency[i]!, data.recency[i]!, data.T[i]!));
    calibrationHoldout = { rows: calibrationHoldoutByFrequency({ frequency: data.frequency, holdoutFrequency: holdout, predicted, weight: data.weight }), length };
  } else {
    notes.push(data.input === "transactions" ? "Calibration vs holdout: rerun with --calibration-end to hold out the later purchases." : "Calibration vs holdout: needs transaction input with --calibration-end.");
  }

  const lines = trackingInput(data);
  const tracking = lines
    ? repeatPurchaseTracking({
        ...lines,
        ...(lines.calibrationEndPeriod === undefined ? {} : { calibrationEndPeriod: lines.calibrationEndPeriod }),
        expectedPurchases: (t) => predictor.expectedPurchases(t),
        step: data.unit === "day" ? 7 : 1,
      })
    : null;
  if (!tracking) notes.push("Tracking of cumulative repeat purchases: needs transaction input (a summary file has no dates).");

  let maxX = 0, maxT = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    maxX = Math.max(maxX, data.frequency[i]!);
    maxT = Math.max(maxT, data.T[i]!);
  }
  const grid = { maxFrequency: Math.min(maxX, 30), T: maxT, discrete: model === "bgbb" };
  const expectedPurchasesMatrix = frequencyRecencyMatrix((x, tx, T) => predictor.conditionalExpectedPurchases(scoreOptions.horizon, x, tx, T), grid);
  const aliveMatrix = frequencyRecencyMatrix((x, tx, T) => predictor.probabilityAlive(x, tx, T), grid);

  const order = Array.from(scores.clv.keys()).filter((i) => Number.isFinite(scores.clv[i]!)).sort((a, b) => scores.clv[b]! - scores.clv[a]!);
  const customer = (i: number): ReportCustomer => ({
    id: String(data.customerIds[i] ?? ""),
    frequency: data.frequency[i]!,
    recency: data.recency[i]!,
    T: data.T[i]!,
    monetary: data.monetary ? data.monetary[i]! : null,
    probabilityAlive: scores.probabilityAlive[i]!,
    expectedPurchases: scores.expectedPurchases[i]!,
    clv: scores.clv[i]!,
  });
  return {
    file: data.file,
    input: data.input,
    unitLabel,
    fits: spendFit ? [fit, spendFit] : [fit],
    diagnostics: [...fitDiagnostics(fit, data), ...(spendFit && data.monetary ? fitDiagnostics(spendFit, data) : [])],
    horizon: scoreOptions.horizon,
    discountRate: scoreOptions.discountRate,
    margin: scoreOptions.margin,
    calibrationHoldout,
    tracking,
    expectedPurchasesMatrix,
    aliveMatrix,
    top: order.slice(0, TABLE_ROWS).map(customer),
    bottom: order.slice(-TABLE_ROWS).reverse().map(customer),
    notes,
  };
}
