import { invalidInput } from "@tenure/shared";

export interface CustomerLifetimeValueOptions {
  /**
   * Writes into `out[i]` customer i's expected purchases in (T, T + t], with t
   * in the transaction model's time unit; called once per period with
   * t = periodLength, 2·periodLength, … (cumulative, not per period).
   */
  expectedPurchases: (t: number, out: Float64Array) => void;
  /** Expected value of one purchase, per customer (e.g. the Gamma-Gamma conditional expected spend). */
  spend: ArrayLike<number>;
  /** How many periods to add up (e.g. 12 for a year of months). */
  periods: number;
  /** Length of one period in the model's time unit (e.g. 30 for months of days, 4.345 for months of weeks). */
  periodLength: number;
  /** Discount rate per period (e.g. 0.01 a month); 0 for undiscounted. */
  discountRate: number;
  /** Share of the spend kept as profit (default 1: revenue). */
  margin?: number;
}

/**
 * Discounted customer lifetime value over a finite horizon, per customer:
 *   CLV_i = margin · spend_i · Σ_{k=1..K} [E_i(kΔ) − E_i((k−1)Δ)] / (1+d)^k,
 * where E_i(t) is the expected number of purchases in (T, T+t] given the
 * customer's history (from any transaction model) and Δ the period length;
 * purchases of period k are discounted k periods (they arrive by its end).
 * This is the construction of Fader, Hardie & Lee (2005, "RFM and CLV",
 * JMR 42(4)) in discrete periods, as lifetimes' `customer_lifetime_value`
 * computes it. Works on typed arrays: one pass per period, no allocation
 * per customer.
 */
export function customerLifetimeValue(options: CustomerLifetimeValueOptions): Float64Array {
  const { expectedPurchases, spend, periods, periodLength, discountRate } = options;
  const margin = options.margin ?? 1;
  if (!Number.isInteger(periods) || periods < 0) throw invalidInput("periods", "periods must be a whole number ≥ 0");
  if (!(periodLength > 0)) throw invalidInput("periodLength", "periodLength must be positive");
  if (!(discountRate > -1)) throw invalidInput("discountRate", "discountRate must be greater than −1");
  const n = spend.length;
  const value = new Float64Array(n);
  let previous = new Float64Array(n); // E(0) = 0
  let current = new Float64Array(n);
  for (let k = 1; k <= periods; k++) {
    expectedPurchases(k * periodLength, current);
    const factor = margin / Math.pow(1 + discountRate, k);
    for (let i = 0; i < n; i++) value[i] = value[i]! + factor * spend[i]! * (current[i]! - previous[i]!);
    [previous, current] = [current, previous];
  }
  return value;
}
