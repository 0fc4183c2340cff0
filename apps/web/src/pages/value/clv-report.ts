/** The parts of a fit's report (GET /api/analytics/clv → report) that the Value page charts. */
export interface Distribution {
  edges: number[];
  counts: number[];
  above: number;
  missing: number;
  quantiles: { p10: number; p50: number; p90: number; p99: number };
  mean: number;
}

export interface HeatMap {
  frequencies: number[];
  recencies: number[];
  /** values[i][j] at frequencies[i], recencies[j]; null where the cell is impossible. */
  values: (number | null)[][];
  T: number;
}

export interface SpendFit {
  params: Record<string, number | null>;
  standardErrors: Record<string, number | null>;
  logLikelihood: number | null;
  customers: number | null;
  populationMean: number | null;
}

export interface ClvReport {
  periodUnit: "day" | "week" | null;
  observationEnd: string | null;
  settings: { margin: number | null; annualDiscountRate: number | null; horizonMonths: number | null };
  spend: SpendFit | null;
  notes: string[];
  reason: string | null;
  heatMap: HeatMap | null;
  repeatPurchases: { actual: number; predicted: number } | null;
  pAlive: Distribution | null;
  clv: Distribution | null;
}

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.map((x) => num(x) ?? 0) : []);
const estimates = (v: unknown): Record<string, number | null> => (isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, num(x)])) : {});

function distribution(v: unknown): Distribution | null {
  if (!isObject(v) || !Array.isArray(v.edges) || !Array.isArray(v.counts)) return null;
  const q = isObject(v.quantiles) ? v.quantiles : {};
  return {
    edges: numbers(v.edges),
    counts: numbers(v.counts),
    above: num(v.above) ?? 0,
    missing: num(v.missing) ?? 0,
    quantiles: { p10: num(q.p10) ?? 0, p50: num(q.p50) ?? 0, p90: num(q.p90) ?? 0, p99: num(q.p99) ?? 0 },
    mean: num(v.mean) ?? 0,
  };
}

function heatMap(v: unknown): HeatMap | null {
  if (!isObject(v) || !Array.isArray(v.values)) return null;
  return { frequencies: numbers(v.frequencies), recencies: numbers(v.recencies), values: v.values.map((row) => (Array.isArray(row) ? row.map(num) : [])), T: num(v.T) ?? 0 };
}

/** Read the loosely typed report into what the charts need; anything missing is null. */
export function readClvReport(report: Loose): ClvReport {
  const settings = isObject(report.settings) ? report.settings : {};
  const diagnostics = isObject(report.diagnostics) ? report.diagnostics : {};
  const spend = isObject(report.spend) ? report.spend : null;
  const repeat = isObject(diagnostics.repeatPurchases) ? diagnostics.repeatPurchases : null;
  return {
    periodUnit: report.periodUnit === "day" || report.periodUnit === "week" ? report.periodUnit : null,
    observationEnd: typeof report.observationEnd === "string" ? report.observationEnd : null,
    settings: { margin: num(settings.margin), annualDiscountRate: num(settings.annualDiscountRate), horizonMonths: num(settings.horizonMonths) },
    spend: spend && {
      params: estimates(spend.params),
      standardErrors: estimates(spend.standardErrors),
      logLikelihood: num(spend.logLikelihood),
      customers: num(spend.customers),
      populationMean: num(spend.populationMean),
    },
    notes: Array.isArray(report.notes) ? report.notes.filter((n): n is string => typeof n === "string") : [],
    reason: typeof report.reason === "string" ? report.reason : null,
    heatMap: heatMap(diagnostics.probabilityAliveMatrix),
    repeatPurchases: repeat && num(repeat.actual) !== null && num(repeat.predicted) !== null ? { actual: num(repeat.actual) ?? 0, predicted: num(repeat.predicted) ?? 0 } : null,
    pAlive: distribution(diagnostics.probabilityAlive),
    clv: distribution(diagnostics.clv),
  };
}
