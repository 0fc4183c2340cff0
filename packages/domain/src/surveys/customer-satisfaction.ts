/** One customer's satisfaction for the customer page: latest answers, CSI and open follow-ups. */
export interface CustomerSatisfaction {
  nps: { value: number; at: Date } | null;
  csat: { value: number; at: Date } | null;
  ces: { value: number; at: Date } | null;
  /** The customer's CSI, 0–100, over all their complete ACSI answers with equal weights; null without one. */
  csi: number | null;
  csiResponses: number;
  openFollowUps: number;
}

/** Equal-weight CSI from the sums of the three ACSI items over n complete answers: mean of (x̄ᵢ − 1)/9 × 100. */
export function equalWeightCsi(n: number, sums: readonly [number, number, number]): number | null {
  if (n <= 0) return null;
  const mean = (sums[0] + sums[1] + sums[2]) / (3 * n);
  return Math.round(((mean - 1) / 9) * 1000) / 10;
}
