import {
  bgNbd,
  compressSummaryRows,
  customerLifetimeValue,
  fitGammaGamma,
  gammaGammaConditionalExpectedSpendMany,
  mbgNbd,
  paretoNbd,
  type BuyTillYouDieModel,
  type FitResult,
  type GammaGammaParamName,
} from "@tenure/analytics";
import type { CustomerSummaryColumns, CustomerValueModel, CustomerValueSettings } from "@tenure/domain";

const models: Record<CustomerValueModel, BuyTillYouDieModel<string>> = { "bg-nbd": bgNbd, "pareto-nbd": paretoNbd, "mbg-nbd": mbgNbd };

/** The analytics model behind a workspace's model setting. */
export function customerValueModel(name: CustomerValueModel): BuyTillYouDieModel<string> {
  return models[name];
}

/** Per-customer scores, aligned with the summaries' customers. */
export interface ScoreColumns {
  pAlive: Float64Array;
  expectedPurchases90: Float64Array;
  expectedPurchases365: Float64Array;
  expectedSpend: Float64Array;
  clv: Float64Array;
}

/** Everything one pass of the pipeline computed, before it is stored. */
export interface CustomerValueScoring {
  transactionFit: FitResult<string>;
  /** Customers and distinct rows the transaction model was fitted on (T > 0). */
  fittedCustomers: number;
  fittedRows: number;
  /** Null when no customer has a repeat purchase. */
  spendFit: FitResult<GammaGammaParamName> | null;
  spendCustomers: number;
  /** Expected spend of a customer with no repeat purchase. */
  populationSpend: number;
  /** Both fits converged (the spend fit counts only when there was one). */
  converged: boolean;
  /** Null when a fit did not converge: such scores are not worth storing. */
  scores: ScoreColumns | null;
  notes: string[];
}

/**
 * Fit the workspace's purchase model (BG/NBD by default) on the unique
 * (frequency, recency, age) rows and Gamma-Gamma on the repeat buyers, then
 * score every customer on typed arrays: P(alive), expected purchases in the
 * next 90 and 365 days, expected spend per purchase (Gamma-Gamma conditional
 * mean; the population mean for customers without repeat purchases) and the
 * CLV over `horizonMonths`, discounted by quarter, at the workspace margin. Every
 * prediction is made once per distinct row and scattered to the customers.
 */
export function scoreCustomerValue(summaries: CustomerSummaryColumns, settings: CustomerValueSettings): CustomerValueScoring {
  const notes: string[] = [];
  const model = customerValueModel(settings.model);
  const { frequency, recency, age, monetary } = summaries;
  const n = frequency.length;
  const daysPerUnit = settings.periodUnit === "day" ? 1 : 7;

  // A customer first seen in the last period (T = 0) carries no information for the fit.
  const fitRows = compressSummaryRows(...onlyWhere(age, (i) => age[i]! > 0, frequency, recency, age));
  const fittedCustomers = sum(fitRows.weight);
  if (fittedCustomers < n) notes.push(`${n - fittedCustomers} customers first seen in the last ${settings.periodUnit} were scored but not fitted on`);
  const transactionFit = fitTransactions(model, fitRows, notes);

  const [spendFrequency, spendMonetary] = onlyWhere(frequency, (i) => frequency[i]! >= 1 && monetary[i]! > 0, frequency, monetary);
  const spendFit = spendFrequency.length > 0 ? fitGammaGamma({ frequency: spendFrequency, monetary: spendMonetary }) : null;
  if (!spendFit) notes.push("no customer has a repeat purchase: expected spend and CLV are unknown");
  else if (!spendFit.converged) notes.push(`the Gamma-Gamma spend fit did not converge: ${spendFit.message}`);
  const populationSpend = spendFit && spendFit.params.q > 1 ? (spendFit.params.p * spendFit.params.gamma) / (spendFit.params.q - 1) : mean(spendMonetary);

  const converged = transactionFit.converged && (spendFit === null || spendFit.converged);
  const base = { transactionFit, fittedCustomers, fittedRows: fitRows.x.length, spendFit, spendCustomers: spendFrequency.length, populationSpend, converged, notes };
  if (!converged) return { ...base, scores: null };

  // Predictions per distinct row.
  const rows = compressSummaryRows(frequency, recency, age);
  const unique = { x: rows.x, tx: rows.tx, T: rows.T };
  const m = rows.x.length;
  const params = transactionFit.params;
  const rowAlive = new Float64Array(m);
  const row90 = new Float64Array(m);
  const row365 = new Float64Array(m);
  model.score(params, unique, 90 / daysPerUnit, { probabilityAlive: rowAlive, expectedPurchases: row90 });
  // CLV is linear in the spend: discounted margin per unit of spend, per row.
  // Quarters of 365/4 days: each is one scoring pass over the rows (the
  // dominant cost), and the fourth one is the 365-day expectation.
  const quarter = 365 / 4 / daysPerUnit;
  const year = 4 * quarter;
  const scratch = new Float64Array(m);
  let yearScored = false;
  const valuePerSpend = customerLifetimeValue({
    expectedPurchases: (t, out) => {
      model.score(params, unique, t, { probabilityAlive: scratch, expectedPurchases: out });
      if (Math.abs(t - year) < 1e-9 * year) {
        row365.set(out);
        yearScored = true;
      }
    },
    spend: new Float64Array(m).fill(1),
    periods: settings.horizonMonths / 3,
    periodLength: quarter,
    discountRate: Math.pow(1 + settings.annualDiscountRate, 1 / 4) - 1,
    margin: settings.margin,
  });
  if (!yearScored) model.score(params, unique, year, { probabilityAlive: scratch, expectedPurchases: row365 });

  const expectedSpend = spendFit ? gammaGammaConditionalExpectedSpendMany(spendFit.params, frequency, monetary) : new Float64Array(n).fill(Number.NaN);
  const scores: ScoreColumns = {
    pAlive: new Float64Array(n),
    expectedPurchases90: new Float64Array(n),
    expectedPurchases365: new Float64Array(n),
    expectedSpend,
    clv: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const j = rows.rowOf[i]!;
    if (frequency[i] === 0 || !(monetary[i]! > 0)) expectedSpend[i] = spendFit ? populationSpend : Number.NaN;
    scores.pAlive[i] = rowAlive[j]!;
    scores.expectedPurchases90[i] = row90[j]!;
    scores.expectedPurchases365[i] = row365[j]!;
    scores.clv[i] = valuePerSpend[j]! * expectedSpend[i]!;
  }
  return { ...base, scores };
}

/**
 * Fit from the fitter's default start, then from a start scaled to the data
 * (a purchase rate near the observed one), keeping the first that converges.
 */
function fitTransactions(model: BuyTillYouDieModel<string>, rows: ReturnType<typeof compressSummaryRows>, notes: string[]): FitResult<string> {
  if (rows.x.length === 0) {
    notes.push("no customer with an age above 0: nothing to fit");
    return { params: {}, standardErrors: {}, logLikelihood: Number.NaN, converged: false, iterations: 0, message: "no data" };
  }
  const first = model.fit(rows);
  if (first.converged) return first;
  const scale = Math.max(weightedMean(rows.T, rows.weight) / Math.max(weightedMean(rows.x, rows.weight), 1e-3), 1e-3);
  const initial = model.paramNames.map((name) => (name === "alpha" || name === "beta" ? scale : 1));
  const second = model.fit(rows, { initial });
  notes.push(`the fit from the default start did not converge (${first.message}); retried from ${initial.map((v) => v.toPrecision(3)).join(", ")}`);
  return second.converged || second.logLikelihood > first.logLikelihood ? second : first;
}

/** The entries of each column where `keep(i)` holds (the length of `guide` is the row count). */
function onlyWhere<C extends Float64Array[]>(guide: Float64Array, keep: (i: number) => boolean, ...columns: C): { [K in keyof C]: Float64Array } {
  let count = 0;
  for (let i = 0; i < guide.length; i++) if (keep(i)) count++;
  if (count === guide.length) return columns as { [K in keyof C]: Float64Array };
  return columns.map((column) => {
    const out = new Float64Array(count);
    for (let i = 0, j = 0; i < guide.length; i++) if (keep(i)) out[j++] = column[i]!;
    return out;
  }) as { [K in keyof C]: Float64Array };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function mean(values: Float64Array): number {
  return values.length === 0 ? Number.NaN : sum(values) / values.length;
}

function weightedMean(values: Float64Array, weight: Float64Array): number {
  let total = 0, w = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i]! * weight[i]!;
    w += weight[i]!;
  }
  return total / w;
}
