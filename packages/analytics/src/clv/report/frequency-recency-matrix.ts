/** A grid of a model quantity over frequency (rows) and recency (columns) at one age T. */
export interface FrequencyRecencyMatrix {
  frequencies: number[];
  recencies: number[];
  /** values[i][j] at frequencies[i], recencies[j]; NaN where recency < frequency is impossible (discrete models) . */
  values: number[][];
  T: number;
}

export interface FrequencyRecencyMatrixOptions {
  /** Rows 0..maxFrequency. */
  maxFrequency: number;
  /** Age of every cell (usually the largest T observed). */
  T: number;
  /** Number of recency columns from 0 to T (default 20, or T + 1 for whole-number T up to 40). */
  columns?: number;
  /** Discrete models: recency must be ≥ frequency, and 0 only when frequency is 0. */
  discrete?: boolean;
}

/**
 * The frequency/recency heat maps of Fader, Hardie & Lee (2005): expected
 * purchases or P(alive) for a customer of age T with x repeat purchases, the
 * last at t_x, across a grid of (x, t_x). `value` is the fitted model's
 * function of (x, t_x, T).
 */
export function frequencyRecencyMatrix(value: (x: number, tx: number, T: number) => number, options: FrequencyRecencyMatrixOptions): FrequencyRecencyMatrix {
  const { maxFrequency, T } = options;
  const whole = Number.isInteger(T) && T <= 40;
  const columns = options.columns ?? (whole ? T + 1 : 20);
  const recencies = Array.from({ length: columns }, (_, j) => (columns === 1 ? T : whole && options.columns === undefined ? j : (T * j) / (columns - 1)));
  const frequencies = Array.from({ length: maxFrequency + 1 }, (_, i) => i);
  const values = frequencies.map((x) =>
    recencies.map((tx) => {
      if (options.discrete && (tx < x || (x === 0 && tx !== 0) || (x > 0 && tx === 0))) return Number.NaN;
      if (!options.discrete && x === 0 && tx > 0) return Number.NaN;
      return value(x, tx, T);
    }),
  );
  return { frequencies, recencies, values, T };
}
