export interface ShareMetric {
  responses: number;
  /** Percentage 0–100; null without answers. */
  value: number | null;
}

/** CSAT: the percentage of answers on the 1–5 scale that are 4 or 5. */
export function customerSatisfactionScore(satisfied: number, responses: number): ShareMetric {
  return { responses, value: responses === 0 ? null : (100 * satisfied) / responses };
}

export interface MeanMetric {
  responses: number;
  /** Mean answer; null without answers. */
  value: number | null;
}

/** CES 2.0: the mean agreement on the 1–7 scale (higher means less effort). */
export function customerEffortScore(sum: number, responses: number): MeanMetric {
  return { responses, value: responses === 0 ? null : sum / responses };
}

/** Response rate: answered invitations as a percentage of those sent; null when none were sent. */
export function responseRate(answered: number, sent: number): number | null {
  return sent === 0 ? null : (100 * answered) / sent;
}
