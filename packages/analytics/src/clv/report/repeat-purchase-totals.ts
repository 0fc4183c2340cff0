/** Total repeat purchases in the observed period: what happened and what the fitted model implies. */
export interface RepeatPurchaseTotals {
  actual: number;
  predicted: number;
}

/**
 * Σ x against Σ E[X(T_i)] over customers (a first check of a purchase-model
 * fit: the model should reproduce the calibration total). `expectedPurchases`
 * is E[X(t)] of a new customer; it is evaluated once per distinct T.
 */
export function repeatPurchaseTotals(
  rows: { frequency: ArrayLike<number>; T: ArrayLike<number>; weight?: ArrayLike<number> | null },
  expectedPurchases: (t: number) => number,
): RepeatPurchaseTotals {
  const cache = new Map<number, number>();
  let actual = 0, predicted = 0;
  for (let i = 0; i < rows.frequency.length; i++) {
    const w = rows.weight ? rows.weight[i]! : 1;
    const T = rows.T[i]!;
    let e = cache.get(T);
    if (e === undefined) {
      e = T > 0 ? expectedPurchases(T) : 0;
      cache.set(T, e);
    }
    actual += w * rows.frequency[i]!;
    predicted += w * e;
  }
  return { actual, predicted };
}
