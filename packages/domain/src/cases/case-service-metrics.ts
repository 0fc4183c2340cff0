/** How GET /api/analytics/service groups cases. */
export const serviceGroupings = ["team", "agent", "product", "category", "period"] as const;
export type ServiceGrouping = (typeof serviceGroupings)[number];

export interface ServiceMetricsQuery {
  /** Cases opened in [from, to). */
  from: Date;
  to: Date;
  groupBy: ServiceGrouping | null;
  /** Length of a period when grouping by period. */
  period: "day" | "week" | "month";
}

/**
 * Service figures of one group of cases. Times are hours (wall-clock, not
 * business hours); null when no case of the group has the measurement.
 */
export interface ServiceMetricsRow {
  /** Team id, owner user id, product id, category or period start (ISO date); null for "none" or the total. */
  group: string | null;
  cases: number;
  resolved: number;
  firstResponseMedianHours: number | null;
  firstResponseP90Hours: number | null;
  resolutionMedianHours: number | null;
  resolutionP90Hours: number | null;
  /** Share of resolved cases reopened at least once. */
  reopenRate: number | null;
  handoffsPerCase: number | null;
  /** Share of settled SLA clocks met (null when SLAs are not set up). */
  slaAttainment: number | null;
  /** Mean Customer Effort Score (1–7) of answers to surveys about these cases. */
  ces: number | null;
  cesResponses: number;
}
