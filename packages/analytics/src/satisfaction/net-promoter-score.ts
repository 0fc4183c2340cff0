/** Counts of NPS answers: promoters 9–10, passives 7–8, detractors 0–6. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NetPromoterScore extends NpsCounts {
  responses: number;
  /** % promoters − % detractors, −100 … 100; null without answers. */
  nps: number | null;
  /** Standard error of the NPS, in NPS points. */
  standardError: number | null;
  /** Half-width of the 95 % confidence interval (1.96 standard errors), in NPS points. */
  marginOfError: number | null;
}

const z95 = 1.959963984540054;

/**
 * Net Promoter Score (Reichheld 2003) with its margin of error. Each answer
 * scores +1 (promoter), 0 (passive) or −1 (detractor); NPS is 100 × their
 * mean p − d, and the variance of one score is p + d − (p − d)², so the
 * standard error is 100 × √((p + d − (p − d)²) / n).
 */
export function netPromoterScore(counts: NpsCounts): NetPromoterScore {
  const responses = counts.promoters + counts.passives + counts.detractors;
  if (responses === 0) return { ...counts, responses, nps: null, standardError: null, marginOfError: null };
  const p = counts.promoters / responses;
  const d = counts.detractors / responses;
  const variance = Math.max(0, p + d - (p - d) ** 2);
  const standardError = 100 * Math.sqrt(variance / responses);
  return { ...counts, responses, nps: 100 * (p - d), standardError, marginOfError: z95 * standardError };
}

/** Count NPS answers (0–10) into promoters, passives and detractors. */
export function countNpsAnswers(scores: Iterable<number>): NpsCounts {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) {
    if (s >= 9) counts.promoters++;
    else if (s >= 7) counts.passives++;
    else counts.detractors++;
  }
  return counts;
}
