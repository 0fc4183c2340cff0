import { customerValueSettings, type CustomerActivity, type Repositories } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { authorize, isInScope } from "../security/authorize.ts";
import { customerNotFound } from "../customers/customer-not-found.ts";
import { customerValueModel } from "../analytics/score-customer-value.ts";
import { valueHistory, type ValueHistory } from "./value-history.ts";

const listLimit = 50;

export interface CustomerActivityView extends CustomerActivity {
  /** Null without a converged fit or without purchases. */
  valueHistory: ValueHistory | null;
}

/**
 * The 360 page's activity of one customer: latest orders and payments,
 * contracts, and the purchase history with P(alive) over time from the
 * workspace's latest customer-value fit. No personal data.
 */
export async function getCustomerActivity(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "customers" | "assignments" | "insights" | "customerValue"> },
  input: { id: string },
): Promise<CustomerActivityView> {
  authorize(ctx, "customers.read");
  const customer = await deps.repositories.customers.findById(ctx.workspaceId, input.id);
  if (!customer || !(await isInScope(ctx, deps, customer))) throw customerNotFound(input.id);
  const [activity, fit] = await Promise.all([
    deps.repositories.insights.activity(ctx.workspaceId, customer.id, listLimit),
    deps.repositories.customerValue.findLatestFit(ctx.workspaceId),
  ]);
  return { ...activity, valueHistory: fit ? historyOf(activity.purchaseTimes, fit.model, fit.params, fit.report) : null };
}

function historyOf(times: Date[], modelName: string, raw: Record<string, number | null>, report: Record<string, unknown>): ValueHistory | null {
  const params: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || !Number.isFinite(value)) return null;
    params[key] = value;
  }
  const settings = customerValueSettings({ clv: { model: modelName } });
  const unit = report.periodUnit === "week" ? "week" : "day";
  const end = typeof report.observationEnd === "string" ? new Date(report.observationEnd) : new Date();
  return valueHistory(times, customerValueModel(settings.model), params, unit, Number.isNaN(end.getTime()) ? new Date() : end);
}
