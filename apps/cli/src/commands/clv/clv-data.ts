/**
 * A file read for `tenure clv`: one summary row per customer (or per group of
 * identical customers when weighted), whatever the input kind.
 */
export interface ClvData {
  file: string;
  input: "transactions" | "summary";
  /** "day" or "week" for transaction input; "period" (the file's own unit) for summary input. */
  unit: "day" | "week" | "period";
  /** Customer ids per row; for summary input without an id column, the row's line number. */
  customerIds: readonly (string | number)[];
  /** Repeat purchases x (sbg: unused, 0). */
  frequency: Float64Array;
  /** Recency t_x (sbg: the period of churn). */
  recency: Float64Array;
  /** Age T; for bgbb the opportunities n; for sbg the periods observed. */
  T: Float64Array;
  /** Mean value of repeat purchases, when the file has values. */
  monetary: Float64Array | null;
  /** Customers per row, when the file has a weight column. */
  weight: Float64Array | null;
  /** Transaction input with --calibration-end: repeat purchases in the holdout and its length in periods. */
  holdout: { frequency: Float64Array; length: number } | null;
  /** Transaction input: the lines as read, for the tracking diagnostics. */
  transactions: { customerIds: string[]; times: Float64Array; values: Float64Array; calibrationEnd: Date | null; observationEnd: Date | null } | null;
  /** Data rows read from the file. */
  lines: number;
  /** Transaction lines skipped, by reason. */
  skipped: { withoutCustomer: number; nonPositive: number; afterEnd: number };
}
