import { z } from "zod";

const money = z.string().describe("Exact decimal, e.g. 1234.50");
const timestamp = z.iso.datetime({ offset: true });

/** GET /api/analytics/dashboard */
export const dashboardSchema = z.object({
  customers: z.number().int().describe("Customers the caller may see"),
  scored_customers: z.number().int().describe("Of them, with a CLV score"),
  currency: z.string().describe("Workspace currency; revenue counts completed orders in it"),
  revenue: money,
  revenue_last_year: money.describe("Completed orders of the last 365 days"),
  value_at_risk: money.describe("Σ CLV of customers whose P(alive) is below risk_threshold"),
  at_risk_customers: z.number().int(),
  risk_threshold: z.number(),
});

/** GET /api/customers/metrics */
export const customerMetricsQuerySchema = z.strictObject({
  ids: z.string().min(1).max(20_000).describe("Customer ids, comma-separated (at most 200): the rows of one list page"),
});

export const customerMetricsSchema = z.object({
  currency: z.string().describe("Currency of the CLV figures (the workspace currency)"),
  items: z.array(
    z.object({
      customer_id: z.string(),
      owner_name: z.string().nullable(),
      clv: money.nullable(),
      p_alive: z.number().nullable(),
      nps: z.number().int().nullable().describe("Latest NPS answer, 0–10"),
      open_cases: z.number().int(),
    }),
  ),
});

/** GET /api/customers/{id}/activity */
export const customerActivitySchema = z.object({
  orders: z.array(z.object({ id: z.string(), external_id: z.string(), ordered_at: timestamp, status: z.string(), currency: z.string(), total: money, line_count: z.number().int() })).describe("Latest 50"),
  payments: z.array(z.object({ id: z.string(), paid_at: timestamp, amount: money, currency: z.string(), method: z.string().nullable(), invoice_id: z.string().nullable() })).describe("Latest 50"),
  contracts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      starts_on: z.string(),
      ends_on: z.string().nullable(),
      renewal_on: z.string().nullable(),
      auto_renew: z.boolean(),
      annual_value: money,
      currency: z.string(),
    }),
  ),
  value_history: z
    .object({
      period_unit: z.enum(["day", "week"]),
      points: z.array(
        z.object({
          month: z.string(),
          purchases: z.number().int(),
          repeat_purchases: z.number().int(),
          expected_repeat_purchases: z.number().describe("E[X(T)] of a new customer of the same age"),
          p_alive: z.number(),
        }),
      ),
      forecast: z.array(z.object({ month: z.string(), expected_repeat_purchases: z.number() })),
    })
    .nullable()
    .describe("Month by month, from the latest customer-value fit; null before the first fit or without purchases"),
});

/** GET /api/customers/export.csv: the list filters of GET /api/customers, without paging. */
export const customerExportLimit = 100_000;
