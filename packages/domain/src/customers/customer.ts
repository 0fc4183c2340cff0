import type { CustomerSatisfaction } from "../surveys/customer-satisfaction.ts";
import type { TimelineEvent } from "./timeline-event.ts";

/** A customer is an organisation (B2B account) or a person (B2C buyer). */
export type CustomerKind = "person" | "organization";

export const customerKinds: readonly CustomerKind[] = ["person", "organization"];

/** The fields a caller may set on a customer (create or partial update). */
export interface CustomerFields {
  externalId: string | null;
  kind: CustomerKind;
  name: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  timeZone: string | null;
  locale: string | null;
  accountType: string | null;
  industry: string | null;
  sizeBand: string | null;
  ownerUserId: string | null;
  parentCustomerId: string | null;
  attributes: Record<string, unknown>;
}

/** A stored customer. `version` grows by one on every change (optimistic concurrency). */
export interface Customer extends CustomerFields {
  id: string;
  workspaceId: string;
  firstSeenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  erasedAt: Date | null;
  version: number;
}

export interface NewCustomer extends CustomerFields {
  id: string;
  workspaceId: string;
}

/** Names of the settable fields, in a stable order (diffs, event payloads). */
export const customerFieldNames: readonly (keyof CustomerFields)[] = [
  "externalId",
  "kind",
  "name",
  "email",
  "phone",
  "country",
  "timeZone",
  "locale",
  "accountType",
  "industry",
  "sizeBand",
  "ownerUserId",
  "parentCustomerId",
  "attributes",
];

/** A person at an organisation customer. */
export interface Contact {
  id: string;
  customerId: string;
  externalId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
  role: string | null;
  locale: string | null;
  isPrimary: boolean;
}

/**
 * Orders at a glance. Revenue is completed orders minus cancellations and
 * returns, as an exact decimal string, per currency (amounts in different
 * currencies are never added): `revenue` is in `currency`, the currency of
 * most of the customer's completed orders (null without orders);
 * `revenueByCurrency` has every currency. Dates and count cover completed
 * orders in all currencies.
 */
export interface OrderSummary {
  orderCount: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  currency: string | null;
  revenue: string;
  revenueByCurrency: { currency: string; revenue: string }[];
}

/** Everything the customer page shows at once. */
export interface CustomerProfile {
  customer: Customer;
  contacts: Contact[];
  orders: OrderSummary;
  /** The latest timeline events, newest first. */
  recentEvents: TimelineEvent[];
  /** Latest model scores; null until the scoring job has run for this customer. */
  scores: CustomerScores | null;
  /** Latest NPS, CSAT and CES answers, CSI and open follow-ups (all empty before the first answer or task). */
  satisfaction: CustomerSatisfaction;
}

/** Model outputs for one customer (computed by the scoring job). */
export interface CustomerScores {
  fitId: string;
  frequency: number;
  recency: number;
  age: number;
  monetary: string | null;
  pAlive: number;
  expectedPurchases90: number;
  expectedPurchases365: number;
  expectedSpend: string | null;
  clv: string | null;
  computedAt: Date;
}
