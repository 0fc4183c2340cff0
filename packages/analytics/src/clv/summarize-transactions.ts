import { invalidInput } from "@tenure/shared";

/** The period transactions are grouped by: a UTC calendar day, or a Monday-to-Sunday UTC week. */
export type PeriodUnit = "day" | "week";

/** Transactions as columns (one entry per line); typed arrays welcome. */
export interface TransactionColumns {
  /** Customer of each line; null, undefined or "" lines are skipped and counted. */
  customerIds: ArrayLike<string | number | null | undefined>;
  /** When: a Date or epoch milliseconds. */
  times: ArrayLike<number | Date>;
  /** Value of the line; lines with value ≤ 0 (or not a number) are not purchases. */
  values: ArrayLike<number>;
}

export interface SummarizeTransactionsOptions {
  /** Default "day". */
  unit?: PeriodUnit;
  /** Last period observed (its whole day or week counts); default: the period of the last purchase. */
  observationEnd?: number | Date;
  /**
   * End of the calibration period (its whole day or week counts). When set,
   * frequency, recency, T and monetary describe the calibration period only
   * and the later purchases up to observationEnd fill the holdout columns.
   */
  calibrationEnd?: number | Date;
}

export interface TransactionSummary {
  /** One entry per customer with a purchase in the (calibration) period, in order of first appearance. */
  customerIds: (string | number)[];
  /** Repeat purchase periods: distinct periods with a purchase, minus one. */
  frequency: Float64Array;
  /** Periods from the first to the last purchase period (0 when frequency = 0). */
  recency: Float64Array;
  /** Age: periods from the first purchase period to the (calibration) end period. */
  T: Float64Array;
  /** Mean value of the repeat purchase periods (each period's lines summed); 0 when frequency = 0. */
  monetary: Float64Array;
  /** Present when calibrationEnd was given. */
  holdout?: {
    /** Distinct purchase periods after the calibration end, up to the observation end. */
    frequency: Float64Array;
    /** Mean value of those periods; 0 when there are none. */
    monetary: Float64Array;
    /** observationEnd − calibrationEnd in periods. */
    length: number;
  };
  /** Lines skipped because they had no customer id. */
  skippedWithoutCustomer: number;
  /** Lines skipped because their value was ≤ 0 or not a number. */
  skippedNonPositive: number;
  /** Purchase lines after the observation end. */
  skippedAfterEnd: number;
}

const DAY_MS = 86_400_000;

/**
 * The period number of an instant: UTC days since 1970-01-01, or UTC weeks
 * (Monday to Sunday) since Monday 1969-12-29 — day 0 was a Thursday, so
 * floor((day + 3) / 7).
 */
export function periodOf(time: number | Date, unit: PeriodUnit): number {
  const day = Math.floor((typeof time === "number" ? time : time.getTime()) / DAY_MS);
  return unit === "day" ? day : Math.floor((day + 3) / 7);
}

/**
 * Per-customer summaries (frequency, recency, age T, monetary) from raw
 * transactions, with the semantics of lifetimes' summary_data_from_transaction_data
 * and calibration_and_holdout_data for freq 'D' and 'W':
 *  - every line is mapped to its period (`periodOf`); the lines of one
 *    customer in one period merge into one purchase whose value is their sum;
 *  - frequency = purchase periods − 1; recency = last − first purchase
 *    period; T = end period − first purchase period; all in whole periods;
 *  - monetary = mean value of the purchase periods after the first;
 *  - a customer whose first purchase is after the (calibration) end is left out.
 * Differences from lifetimes, on purpose: lines with value ≤ 0 are not
 * purchases (lifetimes counts them); the calibration/holdout split is by
 * period (a purchase on the calibration end's day or week is calibration),
 * where lifetimes compares raw timestamps. docs/clv.md ("Summaries") gives
 * the equivalent SQL. Pure: no clock, the end defaults to the data.
 */
export function summarizeTransactions(transactions: TransactionColumns, options: SummarizeTransactionsOptions = {}): TransactionSummary {
  const unit = options.unit ?? "day";
  const lines = transactions.customerIds.length;
  if (transactions.times.length !== lines || transactions.values.length !== lines) {
    throw invalidInput("transactions", "customerIds, times and values must have the same length");
  }
  // Pass 1: keep purchase lines, give each customer a dense index.
  const index = new Map<string | number, number>();
  const numericIndex = new NumberIndex();
  const ids: (string | number)[] = [];
  const lineCustomer = new Int32Array(lines);
  const linePeriod = new Int32Array(lines);
  const lineValue = new Float64Array(lines);
  let kept = 0, skippedWithoutCustomer = 0, skippedNonPositive = 0;
  let lastPeriod = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < lines; i++) {
    const id = transactions.customerIds[i];
    if (id === null || id === undefined || id === "") {
      skippedWithoutCustomer++;
      continue;
    }
    const value = transactions.values[i]!;
    if (!(value > 0)) {
      skippedNonPositive++;
      continue;
    }
    const period = periodOf(transactions.times[i]!, unit);
    if (!Number.isFinite(period)) throw invalidInput("times", `line ${i}: not a valid time`, { line: i });
    let customer = typeof id === "number" ? numericIndex.find(id) : index.get(id);
    if (customer === undefined || customer < 0) {
      customer = ids.length;
      if (typeof id === "number") numericIndex.add(id, customer);
      else index.set(id, customer);
      ids.push(id);
    }
    lineCustomer[kept] = customer;
    linePeriod[kept] = period;
    lineValue[kept] = value;
    if (period > lastPeriod) lastPeriod = period;
    kept++;
  }
  const endPeriod = options.observationEnd === undefined ? lastPeriod : periodOf(options.observationEnd, unit);
  const calibrationPeriod = options.calibrationEnd === undefined ? endPeriod : periodOf(options.calibrationEnd, unit);
  if (options.calibrationEnd !== undefined && calibrationPeriod > endPeriod) {
    throw invalidInput("calibrationEnd", "the calibration end must not be after the observation end");
  }

  // Pass 2: counting sort of the kept lines by customer.
  const customers = ids.length;
  const start = new Int32Array(customers + 1);
  let skippedAfterEnd = 0;
  for (let k = 0; k < kept; k++) {
    if (linePeriod[k]! > endPeriod) skippedAfterEnd++;
    else start[lineCustomer[k]! + 1]!++;
  }
  for (let c = 0; c < customers; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const fill = start.slice(0, customers);
  const order = new Int32Array(start[customers]!);
  for (let k = 0; k < kept; k++) {
    if (linePeriod[k]! <= endPeriod) order[fill[lineCustomer[k]!]!++] = k;
  }

  // Pass 3: per customer, periods in order, same-period lines merged.
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const age = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  const holdoutFrequency = new Float64Array(customers);
  const holdoutMonetary = new Float64Array(customers);
  const include = new Uint8Array(customers);
  const byPeriod = (a: number, b: number): number => linePeriod[a]! - linePeriod[b]!;
  for (let c = 0; c < customers; c++) {
    const from = start[c]!, to = start[c + 1]!;
    sortSegment(order, from, to, linePeriod, byPeriod);
    let periods = 0, first = 0, last = 0, repeatValue = 0;
    let holdoutPeriods = 0, holdoutValue = 0;
    let k = from;
    while (k < to) {
      const period = linePeriod[order[k]!]!;
      let value = 0;
      while (k < to && linePeriod[order[k]!]! === period) value += lineValue[order[k++]!]!;
      if (period <= calibrationPeriod) {
        if (periods === 0) first = period;
        else repeatValue += value;
        last = period;
        periods++;
      } else {
        holdoutPeriods++;
        holdoutValue += value;
      }
    }
    if (periods === 0) continue;
    include[c] = 1;
    frequency[c] = periods - 1;
    recency[c] = last - first;
    age[c] = calibrationPeriod - first;
    monetary[c] = periods > 1 ? repeatValue / (periods - 1) : 0;
    holdoutFrequency[c] = holdoutPeriods;
    holdoutMonetary[c] = holdoutPeriods > 0 ? holdoutValue / holdoutPeriods : 0;
  }

  const keep = (values: Float64Array): Float64Array => values.filter((_, c) => include[c] === 1);
  const summary: TransactionSummary = {
    customerIds: ids.filter((_, c) => include[c] === 1),
    frequency: keep(frequency),
    recency: keep(recency),
    T: keep(age),
    monetary: keep(monetary),
    skippedWithoutCustomer,
    skippedNonPositive,
    skippedAfterEnd,
  };
  if (options.calibrationEnd !== undefined) {
    summary.holdout = { frequency: keep(holdoutFrequency), monetary: keep(holdoutMonetary), length: endPeriod - calibrationPeriod };
  }
  return summary;
}

/** Sort order[from, to) by period: insertion sort for the usual short runs, the built-in sort otherwise. */
function sortSegment(order: Int32Array, from: number, to: number, period: Int32Array, compare: (a: number, b: number) => number): void {
  if (to - from > 32) {
    order.subarray(from, to).sort(compare);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const line = order[i]!;
    const p = period[line]!;
    let j = i - 1;
    while (j >= from && period[order[j]!]! > p) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = line;
  }
}

/**
 * Number → dense index, open addressing on the bits of the double: a Map with
 * a million numeric keys costs several times more per lookup.
 */
class NumberIndex {
  private keys = new Float64Array(1024);
  private slots = new Int32Array(1024).fill(-1);
  private size = 0;
  private readonly scratch = new Float64Array(1);
  private readonly bits = new Int32Array(this.scratch.buffer);

  /** The index stored for `key`, or −1. */
  find(key: number): number {
    const mask = this.slots.length - 1;
    for (let slot = this.hash(key) & mask; ; slot = (slot + 1) & mask) {
      const value = this.slots[slot]!;
      if (value < 0 || this.keys[slot] === key) return value;
    }
  }

  add(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    this.insert(key, value);
    this.size++;
  }

  private insert(key: number, value: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hash(key) & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = value;
    this.keys[slot] = key;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.slots = new Int32Array(slots.length * 2).fill(-1);
    for (let i = 0; i < slots.length; i++) if (slots[i]! >= 0) this.insert(keys[i]!, slots[i]!);
  }

  private hash(key: number): number {
    this.scratch[0] = key === 0 ? 0 : key; // −0 and +0 are one key
    const h = Math.imul(this.bits[0]! ^ Math.imul(this.bits[1]!, 0x9e3779b1), 0x85ebca77);
    return h ^ (h >>> 15);
  }
}
