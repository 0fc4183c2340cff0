import {
  compareRecoveryCohorts,
  describeRecoveryComparison,
  minCohortSize,
  recoveryCohorts,
  wilsonInterval,
  type ProportionEstimate,
  type RecoveryCohort,
  type RecoveryComparison,
  type RecoveryLocale,
  type Repositories,
} from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize } from "../../security/authorize.ts";

/** How the report counts; see docs/cases.md "Service recovery". */
export const recoveryReportDefinition = {
  /** A customer repurchased when they completed an order within this many days after the anchor. */
  windowDays: 180,
  /** …and churned when they did not, or their latest P(alive) is below this. */
  churnPAlive: 0.5,
} as const;

export interface RecoveryReport {
  asOf: Date;
  windowDays: number;
  churnPAlive: number;
  minGroupSize: number;
  groups: { cohort: RecoveryCohort; customers: number; repurchase: ProportionEstimate; churn: ProportionEstimate }[];
  comparisons: (RecoveryComparison & { text: string })[];
}

/**
 * The recovery-paradox report: do customers whose failure was recovered
 * repurchase more, and churn less, than customers with an unresolved failure
 * and customers who never had a case? Rates come with Wilson 95% intervals,
 * and the verdicts refuse to read anything into small or overlapping groups.
 */
export async function getRecoveryReport(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "recoveries"> },
  input: { asOf?: Date; locale?: RecoveryLocale },
  now: Date = new Date(),
): Promise<RecoveryReport> {
  authorize(ctx, "analytics.read");
  const asOf = input.asOf ?? now;
  const { windowDays, churnPAlive } = recoveryReportDefinition;
  const counts = await deps.repositories.recoveries.cohortCounts(ctx.workspaceId, { asOf, windowDays, churnPAlive });
  const estimates = Object.fromEntries(
    recoveryCohorts.map((cohort) => {
      const c = counts.find((x) => x.cohort === cohort) ?? { customers: 0, repurchased: 0, churned: 0 };
      return [cohort, { customers: c.customers, repurchase: wilsonInterval(c.repurchased, c.customers), churn: wilsonInterval(c.churned, c.customers) }];
    }),
  ) as Record<RecoveryCohort, { customers: number; repurchase: ProportionEstimate; churn: ProportionEstimate }>;
  const comparisons = compareRecoveryCohorts(estimates).map((c) => ({
    ...c,
    text: describeRecoveryComparison(input.locale ?? "en", c, estimates.recovered[c.metric], estimates[c.against][c.metric], minCohortSize),
  }));
  return {
    asOf,
    windowDays,
    churnPAlive,
    minGroupSize: minCohortSize,
    groups: recoveryCohorts.map((cohort) => ({ cohort, ...estimates[cohort] })),
    comparisons,
  };
}
