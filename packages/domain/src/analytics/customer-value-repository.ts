/** The period customer summaries count in: a UTC calendar day, or a Monday-to-Sunday UTC week. */
export type SummaryPeriodUnit = "day" | "week";

/**
 * Per-customer purchase summaries as columns (one entry per customer with a
 * completed purchase), in whole periods: frequency = purchase periods − 1,
 * recency = last − first purchase period, age = end period − first purchase
 * period, monetary = mean value of the purchase periods after the first
 * (0 when frequency = 0). Same semantics as @tenure/analytics'
 * summarizeTransactions.
 */
export interface CustomerSummaryColumns {
  customerIds: string[];
  frequency: Float64Array;
  recency: Float64Array;
  age: Float64Array;
  monetary: Float64Array;
}

export interface ReadSummariesOptions {
  unit: SummaryPeriodUnit;
  /** Last period observed: its whole day or week counts; later orders are left out. */
  observationEnd: Date;
}

/** A model fit as stored (clv_fits). */
export interface CustomerValueFit {
  id: string;
  workspaceId: string;
  /** Transaction model, e.g. "bg-nbd". */
  model: string;
  params: Record<string, number | null>;
  standardErrors: Record<string, number | null>;
  logLikelihood: number;
  converged: boolean;
  /** Customers the transaction model was fitted on. */
  customers: number;
  /** Distinct (frequency, recency, age) rows fitted. */
  rows: number;
  /** Spend model, settings, diagnostics data for charts, and why scores were (not) replaced. */
  report: Record<string, unknown>;
  createdAt: Date;
}

/** Scores for many customers as columns; money columns are NaN where unknown (stored as null). */
export interface CustomerScoreColumns {
  fitId: string;
  computedAt: Date;
  customerIds: string[];
  frequency: Float64Array;
  recency: Float64Array;
  age: Float64Array;
  /** NaN for customers without repeat purchases. */
  monetary: Float64Array;
  pAlive: Float64Array;
  expectedPurchases90: Float64Array;
  expectedPurchases365: Float64Array;
  expectedSpend: Float64Array;
  clv: Float64Array;
}

/** Storage of the customer-value pipeline: summaries in, fits and scores out. */
export interface CustomerValueRepository {
  /** The workspace's settings object (workspaces.settings), or null when there is no such workspace. */
  readSettings(workspaceId: string): Promise<Record<string, unknown> | null>;
  /** When the workspace's latest completed customer order happened, or null without any. */
  latestPurchaseAt(workspaceId: string): Promise<Date | null>;
  /** Summaries of every customer of the workspace with a completed order of value > 0, streamed into typed arrays. */
  readSummaries(workspaceId: string, options: ReadSummariesOptions): Promise<CustomerSummaryColumns>;
  /**
   * Store a fit and, when `scores` is given, replace every score of the
   * workspace by them, in one transaction: readers see the old scores or the
   * new ones, never a mix.
   */
  saveRefit(fit: CustomerValueFit, scores: CustomerScoreColumns | null): Promise<void>;
  /** The newest fit of the workspace, or null. */
  findLatestFit(workspaceId: string): Promise<CustomerValueFit | null>;
}
