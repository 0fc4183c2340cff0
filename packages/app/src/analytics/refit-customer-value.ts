import { customerValueSettings, type CustomerScoreColumns, type CustomerValueFit, type Repositories } from "@tenure/domain";
import { newId, notFound, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";
import { customerValueDiagnostics } from "./customer-value-report.ts";
import { scoreCustomerValue } from "./score-customer-value.ts";

/** Version of the scoring pipeline, stored with every fit so a score says how it was made. */
export const customerValuePipelineVersion = 1;

export interface RefitCustomerValueDeps {
  repositories: Pick<Repositories, "customerValue">;
  /** The clock (default: the system clock): computed_at, and the observation end unless given. */
  now?: () => Date;
}

export interface RefitCustomerValueInput {
  /**
   * Last day observed. Default: the day of the workspace's latest purchase
   * (as `tenure clv` defaults to the last date in the data), never later
   * than today — so history imported from the past is not read as years of
   * silence.
   */
  observationEnd?: Date;
}

/** What a refit did; a fit that did not converge is an outcome, not an error. */
export type RefitCustomerValueOutcome =
  | { kind: "no_customers" }
  | { kind: "fitted"; fit: CustomerValueFit; scoresReplaced: boolean; customersScored: number; seconds: { summaries: number; fitAndScore: number; store: number } };

/**
 * Recompute customer value for the caller's workspace: per-customer
 * summaries in one SQL aggregate, the workspace's purchase model (BG/NBD by
 * default; settings.clv) and Gamma-Gamma fitted on the distinct rows, every
 * customer scored (P(alive), expected purchases in 90 and 365 days, expected
 * spend, CLV at the workspace margin and discount rate), then the fit stored
 * and the scores replaced in one transaction. A fit that does not converge is
 * stored with converged = false and the previous scores are kept (the fit's
 * report says why). A workspace without purchases stores nothing.
 */
export async function refitCustomerValue(ctx: RequestContext, deps: RefitCustomerValueDeps, input: RefitCustomerValueInput = {}): Promise<RefitCustomerValueOutcome> {
  authorize(ctx, "analytics.run");
  const repository = deps.repositories.customerValue;
  const workspaceId = ctx.workspaceId;
  const rawSettings = await repository.readSettings(workspaceId);
  if (rawSettings === null) throw notFound("workspace_not_found", `No workspace with id "${workspaceId}"`, { workspaceId });
  const settings = customerValueSettings(rawSettings);
  const computedAt = (deps.now ?? (() => new Date()))();
  const latestPurchase = input.observationEnd ? null : await repository.latestPurchaseAt(workspaceId);
  const observationEnd = input.observationEnd ?? (latestPurchase && latestPurchase < computedAt ? latestPurchase : computedAt);

  const clock = stopwatch();
  const summaries = await repository.readSummaries(workspaceId, { unit: settings.periodUnit, observationEnd });
  const readSeconds = clock();
  if (summaries.customerIds.length === 0) return { kind: "no_customers" };
  const scoring = scoreCustomerValue(summaries, settings);
  const report: Record<string, unknown> = {
    pipelineVersion: customerValuePipelineVersion,
    periodUnit: settings.periodUnit,
    observationEnd: observationEnd.toISOString(),
    settings: { margin: settings.margin, annualDiscountRate: settings.annualDiscountRate, horizonMonths: settings.horizonMonths },
    iterations: scoring.transactionFit.iterations,
    message: scoring.transactionFit.message,
    spend: scoring.spendFit && {
      model: "gamma-gamma",
      params: scoring.spendFit.params,
      standardErrors: scoring.spendFit.standardErrors,
      logLikelihood: scoring.spendFit.logLikelihood,
      converged: scoring.spendFit.converged,
      customers: scoring.spendCustomers,
      populationMean: scoring.populationSpend,
    },
    scoresReplaced: scoring.scores !== null,
    ...(scoring.scores ? {} : { reason: `${scoring.transactionFit.converged ? "the gamma-gamma spend fit" : `the ${settings.model} fit`} did not converge: the previous scores were kept` }),
    scoredCustomers: scoring.scores ? summaries.customerIds.length : 0,
    notes: scoring.notes,
    diagnostics: customerValueDiagnostics(summaries, settings, scoring),
  };
  const fitSeconds = clock();
  const fit: CustomerValueFit = {
    id: newId("fit"),
    workspaceId,
    model: settings.model,
    params: scoring.transactionFit.params,
    standardErrors: scoring.transactionFit.standardErrors,
    logLikelihood: scoring.transactionFit.logLikelihood,
    converged: scoring.converged,
    customers: scoring.fittedCustomers,
    rows: scoring.fittedRows,
    report,
    createdAt: computedAt,
  };
  const scores: CustomerScoreColumns | null = scoring.scores && {
    fitId: fit.id,
    computedAt,
    customerIds: summaries.customerIds,
    frequency: summaries.frequency,
    recency: summaries.recency,
    age: summaries.age,
    monetary: summaries.monetary.map((m, i) => (summaries.frequency[i]! > 0 ? m : Number.NaN)),
    ...scoring.scores,
  };
  await repository.saveRefit(fit, scores);
  const seconds = { summaries: readSeconds, fitAndScore: fitSeconds, store: clock() };
  return { kind: "fitted", fit, scoresReplaced: scores !== null, customersScored: scores ? summaries.customerIds.length : 0, seconds };
}

/** Seconds since the previous call (or creation). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const seconds = (now - last) / 1000;
    last = now;
    return seconds;
  };
}
