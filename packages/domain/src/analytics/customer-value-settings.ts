import { invalidInput } from "@tenure/shared";
import type { SummaryPeriodUnit } from "./customer-value-repository.ts";

/** Transaction models the product can fit. */
export const customerValueModels = ["bg-nbd", "pareto-nbd", "mbg-nbd"] as const;
export type CustomerValueModel = (typeof customerValueModels)[number];

/** How a workspace's customer value is computed (workspaces.settings.clv). */
export interface CustomerValueSettings {
  model: CustomerValueModel;
  /** Share of spend kept as profit, in (0, 1]. */
  margin: number;
  /** Annual discount rate for CLV, ≥ 0. */
  annualDiscountRate: number;
  /** Months of future value in the CLV, in whole quarters (the CLV discounts by quarter). */
  horizonMonths: number;
  /** Period the summaries count in. */
  periodUnit: SummaryPeriodUnit;
}

export const defaultCustomerValueSettings: CustomerValueSettings = {
  model: "bg-nbd",
  margin: 0.3,
  annualDiscountRate: 0.1,
  horizonMonths: 12,
  periodUnit: "day",
};

/**
 * The customer-value settings of a workspace from its settings object
 * (`settings.clv`, every key optional): defaults for missing keys, an
 * `invalid_input` AppError naming the field (e.g. `settings.clv.margin`) for
 * a bad value.
 */
export function customerValueSettings(settings: Record<string, unknown> | null): CustomerValueSettings {
  const raw = settings?.clv;
  if (raw === undefined || raw === null) return { ...defaultCustomerValueSettings };
  if (typeof raw !== "object" || Array.isArray(raw)) throw invalidInput("settings.clv", "settings.clv must be an object");
  const clv = raw as Record<string, unknown>;
  const d = defaultCustomerValueSettings;
  const number = (key: string, fallback: number, ok: (v: number) => boolean, rule: string): number => {
    const value = clv[key];
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value) || !ok(value)) throw invalidInput(`settings.clv.${key}`, `settings.clv.${key} must be ${rule}`);
    return value;
  };
  const model = clv.model ?? d.model;
  if (!customerValueModels.includes(model as CustomerValueModel)) {
    throw invalidInput("settings.clv.model", `settings.clv.model must be one of ${customerValueModels.join(", ")}`);
  }
  const periodUnit = clv.periodUnit ?? d.periodUnit;
  if (periodUnit !== "day" && periodUnit !== "week") throw invalidInput("settings.clv.periodUnit", 'settings.clv.periodUnit must be "day" or "week"');
  return {
    model: model as CustomerValueModel,
    margin: number("margin", d.margin, (v) => v > 0 && v <= 1, "a number in (0, 1]"),
    annualDiscountRate: number("annualDiscountRate", d.annualDiscountRate, (v) => v >= 0 && v < 10, "a number ≥ 0 (e.g. 0.1)"),
    horizonMonths: number("horizonMonths", d.horizonMonths, (v) => Number.isInteger(v) && v % 3 === 0 && v >= 3 && v <= 120, "whole quarters: 3, 6, 9, … up to 120 months"),
    periodUnit,
  };
}
