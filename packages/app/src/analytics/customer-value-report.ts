import { frequencyRecencyMatrix, repeatPurchaseTotals } from "@tenure/analytics";
import type { CustomerSummaryColumns, CustomerValueSettings } from "@tenure/domain";
import { distribution } from "./customer-value-distributions.ts";
import { customerValueModel, type CustomerValueScoring } from "./score-customer-value.ts";

/** Largest frequency row of the heat map. */
const MATRIX_MAX_FREQUENCY = 20;

/**
 * The diagnostics data of a fit, for charts: the P(alive) frequency/recency
 * heat map at the oldest customer's age, the model's total repeat purchases
 * against the observed total, and the distributions of P(alive) and CLV over
 * the scored customers (empty when nothing was scored).
 */
export function customerValueDiagnostics(summaries: CustomerSummaryColumns, settings: CustomerValueSettings, scoring: CustomerValueScoring): Record<string, unknown> {
  const fit = scoring.transactionFit;
  if (!fit.converged || !scoring.scores) return {};
  const model = customerValueModel(settings.model);
  let maxFrequency = 0, maxAge = 0;
  for (let i = 0; i < summaries.frequency.length; i++) {
    maxFrequency = Math.max(maxFrequency, summaries.frequency[i]!);
    maxAge = Math.max(maxAge, summaries.age[i]!);
  }
  return {
    probabilityAliveMatrix: frequencyRecencyMatrix((x, tx, T) => model.probabilityAlive(fit.params, x, tx, T), {
      maxFrequency: Math.min(maxFrequency, MATRIX_MAX_FREQUENCY),
      T: Math.max(maxAge, 1),
    }),
    repeatPurchases: repeatPurchaseTotals({ frequency: summaries.frequency, T: summaries.age }, (t) => model.expectedPurchases(fit.params, t)),
    probabilityAlive: distribution(scoring.scores.pAlive, 20, { min: 0, max: 1 }),
    clv: distribution(scoring.scores.clv, 20, { min: 0 }),
  };
}
