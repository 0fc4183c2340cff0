import { surveyLocale, type SurveyLocale } from "../surveys/survey-locale.ts";
import type { DemoDataset } from "./demo-dataset.ts";
import { addDays, DAY_MS } from "./demo-dates.ts";
import { demoSurveyComments, type DemoCommentTopic } from "./demo-survey-comments.ts";
import { createSeededRandom, type SeededRandom } from "./seeded-random.ts";

/** How far a demo follow-up got. */
export type DemoFollowUpStage = "open" | "in_progress" | "done" | "cancelled";

/** One demo answer: relationship NPS, for some customers the three ACSI items, and a comment in the customer's language. */
export interface DemoSurveyAnswer {
  customerId: string;
  locale: SurveyLocale;
  respondedAt: Date;
  nps: number;
  acsi: [number, number, number] | null;
  comment: string | null;
  topic: DemoCommentTopic | null;
  /** For a detractor: how far its follow-up got. */
  followUp: DemoFollowUpStage | null;
}

/** Share of customers with orders who answered a survey (kept small: the first start loads them). */
const responseShare = 0.15;
/** Share of answers that also rated the three ACSI items. */
const acsiShare = 0.35;

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(x)));

/**
 * Survey answers that follow the customers' behaviour: a latent satisfaction
 * of 7.6 on the 0–10 scale, +1.6 for loyal high spenders (five or more orders
 * and spend in the top quarter), −2.6 for customers who later dropped out (no
 * order in the last 180 days), −0.9 per late, unpaid or disputed invoice (at
 * most three), plus noise; NPS and the ACSI items are drawn around it.
 * Unhappy answers comment on billing when invoices went wrong, or on
 * delivery, support, price or quality; happy ones praise. A late-delivery
 * wave: 8% of active customers answered in the last two weeks, 3 points
 * lower, complaining about delivery, so the weekly view shows delivery
 * rising. Detractors' follow-ups
 * are done or cancelled when older than 30 days, otherwise open or in
 * progress. Pure and seeded: the same dataset gives the same answers.
 */
export function planDemoSurveys(dataset: DemoDataset, today: Date, seed: number): DemoSurveyAnswer[] {
  const random = createSeededRandom(seed ^ 0x5a7e);
  const orders = new Map<string, { count: number; spend: number; first: number; last: number }>();
  for (const o of dataset.orders) {
    if (o.status !== "completed") continue;
    const s = orders.get(o.customerId) ?? { count: 0, spend: 0, first: Infinity, last: 0 };
    s.count++;
    s.spend += Number(o.total);
    s.first = Math.min(s.first, o.orderedAt.getTime());
    s.last = Math.max(s.last, o.orderedAt.getTime());
    orders.set(o.customerId, s);
  }
  const badInvoices = new Map<string, number>();
  for (const inv of dataset.invoices) {
    const late = inv.paidOn !== null ? inv.paidOn > inv.dueOn : inv.dueOn < today.toISOString().slice(0, 10);
    if (late || inv.status === "disputed") badInvoices.set(inv.customerId, (badInvoices.get(inv.customerId) ?? 0) + 1);
  }
  const spends = [...orders.values()].map((s) => s.spend).sort((a, b) => a - b);
  const topQuarter = spends[Math.floor(spends.length * 0.75)] ?? Infinity;

  const answers: DemoSurveyAnswer[] = [];
  for (const customer of dataset.customers) {
    const history = orders.get(customer.id);
    if (history === undefined || !random.chance(responseShare)) continue;
    const droppedOut = today.getTime() - history.last > 180 * DAY_MS;
    const loyal = history.count >= 5 && history.spend >= topQuarter;
    const bad = Math.min(badInvoices.get(customer.id) ?? 0, 3);
    // a late-delivery wave: some active customers answered in the last two weeks after a late parcel
    const lateParcel = !droppedOut && random.chance(0.08);
    const latent = 7.6 + (loyal ? 1.6 : 0) - (droppedOut ? 2.6 : 0) - 0.9 * bad - (lateParcel ? 3 : 0) + 1.3 * random.normal();
    // answered while still buying: between the first and the last order (or up to today)
    const until = droppedOut ? history.last : today.getTime() - DAY_MS;
    const from = lateParcel ? today.getTime() - 14 * DAY_MS : history.first;
    const respondedAt = new Date(from + random.next() * Math.max(until - from, DAY_MS));
    const nps = clamp(latent + 0.8 * random.normal(), 0, 10);
    const acsi: [number, number, number] | null = random.chance(acsiShare)
      ? [clamp(latent + 0.6 * random.normal() + 0.4, 1, 10), clamp(latent + 0.8 * random.normal(), 1, 10), clamp(latent + 0.9 * random.normal() - 0.6, 1, 10)]
      : null;
    const locale = surveyLocale(customer.locale);
    const topic = commentTopic(nps, bad, lateParcel, random);
    const comment = topic === null ? null : random.pick(demoSurveyComments[locale][topic]);
    const followUp = nps <= 6 ? followUpStage(respondedAt, today, random) : null;
    answers.push({ customerId: customer.id, locale, respondedAt, nps, acsi, comment, topic, followUp });
  }
  return answers.sort((a, b) => a.respondedAt.getTime() - b.respondedAt.getTime() || (a.customerId < b.customerId ? -1 : 1));
}

function commentTopic(nps: number, badInvoices: number, lateParcel: boolean, random: SeededRandom): DemoCommentTopic | null {
  if (!random.chance(nps <= 6 ? 0.8 : 0.45)) return null;
  if (lateParcel && nps <= 8) return "delivery";
  if (nps >= 9) return "praise";
  if (nps >= 7) return random.chance(0.5) ? "praise" : random.pick(["price", "delivery"] as const);
  if (badInvoices > 0 && random.chance(0.6)) return "billing";
  return random.pick(["delivery", "support", "price", "quality"] as const);
}

function followUpStage(respondedAt: Date, today: Date, random: SeededRandom): DemoFollowUpStage {
  if (addDays(respondedAt, 30) < today) return random.chance(0.85) ? "done" : "cancelled";
  return random.chance(0.5) ? "open" : "in_progress";
}
