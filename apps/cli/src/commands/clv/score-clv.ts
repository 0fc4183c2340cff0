import { customerLifetimeValue, gammaGammaConditionalExpectedSpendMany, type GammaGammaParams } from "@tenure/analytics";
import { invalidInput } from "@tenure/shared";
import type { ClvData } from "./clv-data.ts";
import type { TransactionModelName } from "./clv-model-name.ts";
import { clvPredictor } from "./clv-predictor.ts";

export interface ClvScoreOptions {
  /** Whole periods of the data's unit (days, weeks, the summary's unit, or BG/BB opportunities). */
  horizon: number;
  /** Discount rate per period of that unit. */
  discountRate: number;
  /** Share of spend kept as profit; without monetary values, the profit per purchase. */
  margin: number;
}

/** Per-customer scores, in the order of the data's rows. */
export interface ClvScores {
  probabilityAlive: Float64Array;
  /** Expected repeat purchases over the horizon. */
  expectedPurchases: Float64Array;
  /** Gamma-Gamma expected value of one future purchase; null without monetary values. */
  expectedSpend: Float64Array | null;
  /** Discounted margin over the horizon. */
  clv: Float64Array;
}

/**
 * Score every customer: P(alive) and expected purchases over the horizon
 * from the purchase model, expected spend per purchase from Gamma-Gamma
 * (Fader & Hardie 2013; the population mean for customers with no repeat
 * purchase), and CLV from the analytics package's customerLifetimeValue
 * (purchases of period k discounted k periods, times spend and margin).
 */
export function scoreClv(
  data: ClvData, model: TransactionModelName, params: Readonly<Record<string, number>>, spend: GammaGammaParams | null, options: ClvScoreOptions,
): ClvScores {
  const { horizon, discountRate, margin } = options;
  if (!Number.isInteger(horizon) || horizon < 1) throw invalidInput("horizon", `--horizon must be a whole number of periods ≥ 1, got ${horizon}`);
  const predictor = clvPredictor(model, params);
  const customers = { x: data.frequency, tx: data.recency, T: data.T };
  const n = data.frequency.length;
  const probabilityAlive = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  predictor.score(customers, horizon, { probabilityAlive, expectedPurchases });
  let expectedSpend: Float64Array | null = null;
  if (spend && data.monetary) {
    if (!(spend.q > 1)) throw invalidInput("params", `Gamma-Gamma q = ${spend.q} ≤ 1: the mean spend is infinite, so CLV is undefined`);
    expectedSpend = gammaGammaConditionalExpectedSpendMany(spend, data.frequency, data.monetary);
  }
  const scratch = new Float64Array(n);
  const clv = customerLifetimeValue({
    expectedPurchases: (t, out) => predictor.score(customers, t, { probabilityAlive: scratch, expectedPurchases: out }),
    spend: expectedSpend ?? new Float64Array(n).fill(1),
    periods: horizon,
    periodLength: 1,
    discountRate,
    margin,
  });
  return { probabilityAlive, expectedPurchases, expectedSpend, clv };
}
