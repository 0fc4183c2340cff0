import type { CustomerActivityView } from "@tenure/app";

/** GET /api/customers/{id}/activity in the API's snake_case shape. */
export function toActivityJson(a: CustomerActivityView) {
  return {
    orders: a.orders.map((o) => ({ id: o.id, external_id: o.externalId, ordered_at: o.orderedAt.toISOString(), status: o.status, currency: o.currency, total: o.total, line_count: o.lineCount })),
    payments: a.payments.map((p) => ({ id: p.id, paid_at: p.paidAt.toISOString(), amount: p.amount, currency: p.currency, method: p.method, invoice_id: p.invoiceId })),
    contracts: a.contracts.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      renewal_on: c.renewalOn,
      auto_renew: c.autoRenew,
      annual_value: c.annualValue,
      currency: c.currency,
    })),
    value_history: a.valueHistory && {
      period_unit: a.valueHistory.periodUnit,
      points: a.valueHistory.points.map((p) => ({
        month: p.month,
        purchases: p.purchases,
        repeat_purchases: p.repeatPurchases,
        expected_repeat_purchases: p.expectedRepeatPurchases,
        p_alive: p.pAlive,
      })),
      forecast: a.valueHistory.forecast.map((f) => ({ month: f.month, expected_repeat_purchases: f.expectedRepeatPurchases })),
    },
  };
}
