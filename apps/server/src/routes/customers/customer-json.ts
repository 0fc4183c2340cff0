import { customerFieldApiName, customerFieldNames, type Contact, type Customer, type CustomerFields, type CustomerScores, type OrderSummary, type TimelineEvent } from "@tenure/domain";
import type { CustomerJson, CustomerProfileJson, TimelineEventJson } from "@tenure/api-schemas";
import type { CustomerProfile } from "@tenure/app";
import { toCustomerSatisfactionJson } from "../surveys/customer-satisfaction-json.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A customer in the API's snake_case shape. */
export function toCustomerJson(c: Customer): CustomerJson {
  return {
    id: c.id,
    external_id: c.externalId,
    kind: c.kind,
    name: c.name,
    email: c.email,
    phone: c.phone,
    country: c.country,
    time_zone: c.timeZone,
    locale: c.locale,
    account_type: c.accountType,
    industry: c.industry,
    size_band: c.sizeBand,
    owner_user_id: c.ownerUserId,
    parent_customer_id: c.parentCustomerId,
    attributes: c.attributes,
    first_seen_at: iso(c.firstSeenAt),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
    version: c.version,
  };
}

/** A timeline event in the API's shape. */
export function toTimelineEventJson(e: TimelineEvent): TimelineEventJson {
  return { id: e.id, type: e.type, occurred_at: e.occurredAt.toISOString(), source: e.source, summary: e.summary, properties: e.properties };
}

function toContactJson(c: Contact): CustomerProfileJson["contacts"][number] {
  return {
    id: c.id,
    external_id: c.externalId,
    name: c.name,
    email: c.email,
    phone: c.phone,
    title: c.title,
    role: c.role,
    locale: c.locale,
    is_primary: c.isPrimary,
  };
}

function toOrdersJson(o: OrderSummary): CustomerProfileJson["orders"] {
  return {
    order_count: o.orderCount,
    first_order_at: iso(o.firstOrderAt),
    last_order_at: iso(o.lastOrderAt),
    currency: o.currency,
    revenue: o.revenue,
    revenue_by_currency: o.revenueByCurrency.map((r) => ({ currency: r.currency, revenue: r.revenue })),
  };
}

function toScoresJson(s: CustomerScores): NonNullable<CustomerProfileJson["scores"]> {
  return {
    fit_id: s.fitId,
    frequency: s.frequency,
    recency: s.recency,
    age: s.age,
    monetary: s.monetary,
    p_alive: s.pAlive,
    expected_purchases_90: s.expectedPurchases90,
    expected_purchases_365: s.expectedPurchases365,
    expected_spend: s.expectedSpend,
    clv: s.clv,
    computed_at: s.computedAt.toISOString(),
  };
}

/** The customer page in the API's shape. */
export function toCustomerProfileJson(p: CustomerProfile): CustomerProfileJson {
  return {
    customer: toCustomerJson(p.customer),
    contacts: p.contacts.map(toContactJson),
    orders: toOrdersJson(p.orders),
    timeline: p.recentEvents.map(toTimelineEventJson),
    scores: p.scores ? toScoresJson(p.scores) : null,
    satisfaction: toCustomerSatisfactionJson(p.satisfaction),
  };
}

const fieldOfApiName = new Map(customerFieldNames.map((f) => [customerFieldApiName(f), f]));

/** API body field → domain field, for the fields present in a create or update body. */
export function fromCustomerBody(body: Record<string, unknown>): Partial<CustomerFields> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const field = fieldOfApiName.get(key);
    if (field && value !== undefined) out[field] = value;
  }
  return out as Partial<CustomerFields>;
}
