import type { CustomerScope } from "../security/customer-scope.ts";

/** Headline figures of the dashboard over the caller's customers; money as exact decimal strings. */
export interface DashboardFigures {
  customers: number;
  /** Customers with a CLV score. */
  scoredCustomers: number;
  /** The workspace's currency (orders in other currencies are not converted and not summed). */
  currency: string;
  /** Completed orders in the workspace currency, all time and over the last 365 days. */
  revenue: string;
  revenueLastYear: string;
  /** Σ CLV of the scored customers whose P(alive) is below `riskThreshold`. */
  valueAtRisk: string;
  atRiskCustomers: number;
  riskThreshold: number;
}

/** The list columns of one customer beyond the customer row. */
export interface CustomerListMetrics {
  customerId: string;
  ownerName: string | null;
  clv: string | null;
  pAlive: number | null;
  nps: number | null;
  openCases: number;
}

export interface ActivityOrder {
  id: string;
  externalId: string;
  orderedAt: Date;
  status: string;
  currency: string;
  total: string;
  lineCount: number;
}

export interface ActivityPayment {
  id: string;
  paidAt: Date;
  amount: string;
  currency: string;
  method: string | null;
  invoiceId: string | null;
}

export interface ActivityContract {
  id: string;
  name: string;
  status: string;
  startsOn: string;
  endsOn: string | null;
  renewalOn: string | null;
  autoRenew: boolean;
  annualValue: string;
  currency: string;
}

/** One customer's orders, payments and contracts (the 360 page), newest first, each list capped. */
export interface CustomerActivity {
  orders: ActivityOrder[];
  /** Every completed order's time, oldest first (for the purchase history and P(alive) over time). */
  purchaseTimes: Date[];
  payments: ActivityPayment[];
  contracts: ActivityContract[];
}

/** Read models of the web app's dashboard and customer pages. */
export interface InsightsRepository {
  dashboard(workspaceId: string, scope: CustomerScope, riskThreshold: number, now: Date): Promise<DashboardFigures>;
  /** Metrics of the given customers that are within `scope` (others are left out), and the workspace currency CLV is in. */
  listMetrics(workspaceId: string, scope: CustomerScope, customerIds: readonly string[]): Promise<{ currency: string; items: CustomerListMetrics[] }>;
  activity(workspaceId: string, customerId: string, limit: number): Promise<CustomerActivity>;
}
