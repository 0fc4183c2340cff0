import type { Selectable } from "kysely";
import { equalWeightCsi, type Contact, type CustomerProfile, type CustomerSatisfaction, type CustomerScores, type TimelineEvent } from "@tenure/domain";
import { sumMoney } from "@tenure/shared";
import type { PreparedQuery } from "../database/prepared-query.ts";
import type { CustomersTable } from "../database/schema.ts";
import { toCustomer } from "./customer-row.ts";

type CustomerJson = Omit<Selectable<CustomersTable>, "first_seen_at" | "created_at" | "updated_at" | "erased_at"> & {
  first_seen_at: string | null;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
};
interface ProfileJson {
  customer: CustomerJson;
  contacts: ContactJson[];
  orders: {
    order_count: number;
    first_order_at: string | null;
    last_order_at: string | null;
    /** Main currency first (most completed orders). */
    revenue_by_currency: { currency: string; revenue: string }[];
  };
  events: EventJson[];
  scores: ScoresJson | null;
  satisfaction: SatisfactionJson | null;
}
type ContactJson = { id: string; customer_id: string; external_id: string | null; name: string | null; email: string | null; phone: string | null; title: string | null; role: string | null; locale: string | null; is_primary: boolean };
type EventJson = { id: string; customer_id: string | null; type: string; occurred_at: string; source: string; summary: string | null; properties: Record<string, unknown> };
/** A customer_satisfaction row (migration 0009), timestamps as text. */
type SatisfactionJson = {
  nps: number | null;
  nps_at: string | null;
  csat: number | null;
  csat_at: string | null;
  ces: number | null;
  ces_at: string | null;
  acsi_n: number;
  acsi_sum1: number;
  acsi_sum2: number;
  acsi_sum3: number;
  open_follow_ups: number;
};
type ScoresJson = { fit_id: string; frequency: number; recency: number; age: number; monetary: string | null; p_alive: number; expected_purchases_90: number; expected_purchases_365: number; expected_spend: string | null; clv: string | null; computed_at: string };

const date = (text: string | null) => (text === null ? null : new Date(text));
const noSatisfaction: SatisfactionJson = { nps: null, nps_at: null, csat: null, csat_at: null, ces: null, ces_at: null, acsi_n: 0, acsi_sum1: 0, acsi_sum2: 0, acsi_sum3: 0, open_follow_ups: 0 };

const profileQuery = "select customer_profile($1, $2, $3) as profile";

/**
 * The customer page in one call of customer_profile() (migrations 0004,
 * 0014): the customer row plus contacts, order summary, latest events,
 * scores and the customer_satisfaction row as one JSON value. The function
 * keeps its plans for the session; the call itself is a prepared query
 * (prepared-query.ts), so a request costs one round trip and no planning.
 */
export async function findCustomerProfile(query: PreparedQuery, workspaceId: string, id: string, recentEvents: number): Promise<CustomerProfile | null> {
  const rows = await query<{ profile: ProfileJson | null }>("customer-profile", profileQuery, [workspaceId, id, recentEvents]);
  const profile = rows[0]?.profile;
  if (!profile) return null;
  const c = profile.customer;
  return {
    customer: toCustomer({
      ...c,
      first_seen_at: date(c.first_seen_at),
      created_at: new Date(c.created_at),
      updated_at: new Date(c.updated_at),
      erased_at: date(c.erased_at),
    }),
    contacts: profile.contacts.map(toContact),
    orders: {
      orderCount: profile.orders.order_count,
      firstOrderAt: date(profile.orders.first_order_at),
      lastOrderAt: date(profile.orders.last_order_at),
      currency: profile.orders.revenue_by_currency[0]?.currency ?? null,
      revenue: sumMoney([profile.orders.revenue_by_currency[0]?.revenue ?? "0"]),
      revenueByCurrency: profile.orders.revenue_by_currency.map((r) => ({ currency: r.currency, revenue: sumMoney([r.revenue]) })),
    },
    recentEvents: profile.events.map(toEvent),
    scores: profile.scores ? toScores(profile.scores) : null,
    satisfaction: toSatisfaction(profile.satisfaction ?? noSatisfaction),
  };
}

function toContact(c: ContactJson): Contact {
  return {
    id: c.id,
    customerId: c.customer_id,
    externalId: c.external_id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    title: c.title,
    role: c.role,
    locale: c.locale,
    isPrimary: c.is_primary,
  };
}

function toEvent(e: EventJson): TimelineEvent {
  return { id: e.id, customerId: e.customer_id, type: e.type, occurredAt: new Date(e.occurred_at), source: e.source, summary: e.summary, properties: e.properties };
}

/** The customer's satisfaction: latest answers, CSI with equal weights over the ACSI sums, open follow-ups. */
function toSatisfaction(s: SatisfactionJson): CustomerSatisfaction {
  const answer = (value: number | null, at: string | null) => (value === null || at === null ? null : { value, at: new Date(at) });
  return {
    nps: answer(s.nps, s.nps_at),
    csat: answer(s.csat, s.csat_at),
    ces: answer(s.ces, s.ces_at),
    csi: equalWeightCsi(s.acsi_n, [s.acsi_sum1, s.acsi_sum2, s.acsi_sum3]),
    csiResponses: s.acsi_n,
    openFollowUps: s.open_follow_ups,
  };
}

function toScores(s: ScoresJson): CustomerScores {
  return {
    fitId: s.fit_id,
    frequency: s.frequency,
    recency: s.recency,
    age: s.age,
    monetary: s.monetary === null ? null : sumMoney([s.monetary]),
    pAlive: s.p_alive,
    expectedPurchases90: s.expected_purchases_90,
    expectedPurchases365: s.expected_purchases_365,
    expectedSpend: s.expected_spend === null ? null : sumMoney([s.expected_spend]),
    clv: s.clv === null ? null : sumMoney([s.clv]),
    computedAt: new Date(s.computed_at),
  };
}
