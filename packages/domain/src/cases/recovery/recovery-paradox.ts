/** A proportion with its Wilson score interval. */
export interface ProportionEstimate {
  count: number;
  n: number;
  /** count / n; null when n = 0. */
  rate: number | null;
  low: number | null;
  high: number | null;
}

const z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion (Wilson 1927, JASA 22:209;
 * Brown, Cai & DasGupta 2001, eq. 4): centre (p̂ + z²/2n)/(1 + z²/n), half-width
 * z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²). Unlike p̂ ± z·se it stays inside [0, 1]
 * and is honest for small n and for rates near 0 or 1.
 */
export function wilsonInterval(count: number, n: number, z: number = z95): ProportionEstimate {
  if (!Number.isInteger(count) || !Number.isInteger(n) || count < 0 || n < 0 || count > n) {
    throw new RangeError(`wilsonInterval needs integers 0 ≤ count ≤ n, got ${count}/${n}`);
  }
  if (n === 0) return { count, n, rate: null, low: null, high: null };
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // exact at the edges: 0/n starts at 0 and n/n ends at 1 (rounding would leave 1e-16 off)
  return { count, n, rate: p, low: count === 0 ? 0 : Math.max(0, centre - half), high: count === n ? 1 : Math.min(1, centre + half) };
}

/** The three groups the recovery-paradox report compares. */
export type RecoveryCohort = "recovered" | "unresolved_failure" | "no_case";

export const recoveryCohorts: readonly RecoveryCohort[] = ["recovered", "unresolved_failure", "no_case"];

/** Counts of one group, from the database. */
export interface RecoveryCohortCounts {
  cohort: RecoveryCohort;
  customers: number;
  repurchased: number;
  churned: number;
}

/** Fewer customers than this in a group and the report does not draw a conclusion from it. */
export const minCohortSize = 30;

export type RecoveryVerdictCode = "not_enough_data" | "no_clear_difference" | "recovered_better" | "recovered_worse";

/** One comparison of the recovered group with another group on one rate. */
export interface RecoveryComparison {
  against: Exclude<RecoveryCohort, "recovered">;
  metric: "repurchase" | "churn";
  verdict: RecoveryVerdictCode;
}

function separated(a: ProportionEstimate, b: ProportionEstimate): "a_higher" | "b_higher" | "overlap" {
  if (a.low === null || a.high === null || b.low === null || b.high === null) return "overlap";
  if (a.low > b.high) return "a_higher";
  if (b.low > a.high) return "b_higher";
  return "overlap";
}

/**
 * Compare the recovered group with the others on repurchase and churn. A
 * conclusion is drawn only when both groups have at least minCohortSize
 * customers AND their 95% intervals do not overlap (a conservative rule:
 * non-overlap implies p < 0.05, overlap does not imply "same"). Anything
 * else is "not enough data" or "no clear difference", never a finding.
 */
export function compareRecoveryCohorts(
  estimates: Record<RecoveryCohort, { repurchase: ProportionEstimate; churn: ProportionEstimate }>,
  minN: number = minCohortSize,
): RecoveryComparison[] {
  const out: RecoveryComparison[] = [];
  for (const against of ["no_case", "unresolved_failure"] as const) {
    for (const metric of ["repurchase", "churn"] as const) {
      const a = estimates.recovered[metric];
      const b = estimates[against][metric];
      let verdict: RecoveryVerdictCode;
      if (a.n < minN || b.n < minN) verdict = "not_enough_data";
      else {
        const side = separated(a, b);
        const higherIsBetter = metric === "repurchase";
        if (side === "overlap") verdict = "no_clear_difference";
        else verdict = (side === "a_higher") === higherIsBetter ? "recovered_better" : "recovered_worse";
      }
      out.push({ against, metric, verdict });
    }
  }
  return out;
}
