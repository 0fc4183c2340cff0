/** Share of a contractual cohort still active after each period, actual and fitted. */
export interface RetentionPoint {
  period: number;
  /** Customers observed long enough to know (T > period). */
  atRisk: number;
  actual: number;
  predicted: number;
}

/**
 * Survival curve check for the sBG (Fader & Hardie 2007, Figure 2): for each
 * period t, the share of customers observed past t (T > t) whose churn period
 * is after t, against the model's S(t). `recency` is the period of churn, with
 * recency = T for a customer still active.
 */
export function retentionByPeriod(
  rows: { recency: ArrayLike<number>; T: ArrayLike<number>; weight?: ArrayLike<number> | null },
  survival: (t: number) => number,
): RetentionPoint[] {
  let maxT = 0;
  for (let i = 0; i < rows.T.length; i++) maxT = Math.max(maxT, rows.T[i]!);
  const points: RetentionPoint[] = [];
  for (let t = 0; t < maxT; t++) {
    let atRisk = 0, alive = 0;
    for (let i = 0; i < rows.T.length; i++) {
      if (!(rows.T[i]! > t)) continue;
      const w = rows.weight ? rows.weight[i]! : 1;
      atRisk += w;
      if (rows.recency[i]! > t) alive += w;
    }
    if (atRisk === 0) continue;
    points.push({ period: t, atRisk, actual: alive / atRisk, predicted: survival(t) });
  }
  return points;
}
