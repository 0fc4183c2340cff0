import { repeatPurchaseTotals, retentionByPeriod, sbgSurvival, type SbgParams } from "@tenure/analytics";
import type { ClvData } from "./clv-data.ts";
import type { ClvFit } from "./fit-clv-model.ts";
import { isTransactionModel } from "./clv-model-name.ts";
import { clvPredictor } from "./clv-predictor.ts";

/** One line of the fit's diagnostics: what was observed against what the model predicts. */
export interface FitDiagnostic {
  label: string;
  actual: number;
  predicted: number;
}

/**
 * Checks a user can read next to the estimates: total repeat purchases in the
 * calibration period (Σx against Σ E[X(T)]), the holdout total when the input
 * had a calibration end, the sBG survival by period, and for Gamma-Gamma the
 * mean spend of repeat buyers against the model's population mean.
 */
export function fitDiagnostics(fit: ClvFit, data: ClvData): FitDiagnostic[] {
  const unit = data.unit === "period" ? "periods" : `${data.unit}s`;
  if (isTransactionModel(fit.model)) {
    const predictor = clvPredictor(fit.model, fit.params);
    const totals = repeatPurchaseTotals({ frequency: data.frequency, T: data.T, weight: data.weight }, (t) => predictor.expectedPurchases(t));
    const out: FitDiagnostic[] = [{ label: "repeat purchases, calibration period", ...totals }];
    if (data.holdout) {
      const { frequency: holdout, length } = data.holdout;
      let actual = 0, predicted = 0;
      for (let i = 0; i < holdout.length; i++) {
        actual += holdout[i]!;
        predicted += predictor.conditionalExpectedPurchases(length, data.frequency[i]!, data.recency[i]!, data.T[i]!);
      }
      out.push({ label: `repeat purchases, holdout (${length} ${unit})`, actual, predicted });
    }
    return out;
  }
  if (fit.model === "sbg") {
    const params = fit.params as SbgParams;
    return retentionByPeriod({ recency: data.recency, T: data.T, weight: data.weight }, (t) => sbgSurvival(params, t))
      .filter((p) => p.period > 0)
      .map((p) => ({ label: `share still active after period ${p.period}`, actual: p.actual, predicted: p.predicted }));
  }
  // Gamma-Gamma: mean repeat spend of repeat buyers against E[M] = pγ/(q−1).
  const { p, q, gamma } = fit.params as { p: number; q: number; gamma: number };
  const monetary = data.monetary!;
  let total = 0, n = 0;
  for (let i = 0; i < monetary.length; i++) {
    if (!(data.frequency[i]! >= 1 && monetary[i]! > 0)) continue;
    const w = data.weight ? data.weight[i]! : 1;
    total += w * monetary[i]!;
    n += w;
  }
  return [{ label: "mean spend per repeat purchase", actual: n > 0 ? total / n : Number.NaN, predicted: q > 1 ? (p * gamma) / (q - 1) : Number.NaN }];
}
