import type { CaseChannel, CasePriority, CaseStatus } from "../cases/case.ts";
import type { DemoCustomerRow, DemoEventRow, DemoProductRow, DemoUserRow } from "./demo-dataset.ts";
import { addDays, DAY_MS } from "./demo-dates.ts";
import { demoId } from "./demo-id.ts";
import { businessHours } from "./demo-purchases.ts";
import { createSeededRandom, type SeededRandom } from "./seeded-random.ts";

export interface DemoTeamRow {
  id: string;
  name: string;
  timeZone: string;
}

export interface DemoCaseRow {
  id: string;
  externalId: string;
  customerId: string;
  subject: string;
  description: string;
  channel: CaseChannel;
  category: string;
  productId: string | null;
  priority: CasePriority;
  status: CaseStatus;
  ownerUserId: string | null;
  teamId: string;
  isCompanyFailure: boolean;
  resolutionNote: string | null;
  openedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
}

export interface DemoCaseEventRow {
  id: string;
  caseId: string;
  kind: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  actorUserId: string | null;
  body: string | null;
  occurredAt: Date;
}

/** The demo's support teams, cases and case events, plus the case events of the customer timeline. */
export interface DemoCases {
  teams: DemoTeamRow[];
  cases: DemoCaseRow[];
  caseEvents: DemoCaseEventRow[];
  timeline: DemoEventRow[];
}

const teams: readonly DemoTeamRow[] = [
  { id: "team_billing", name: "Billing", timeZone: "Europe/London" },
  { id: "team_technical", name: "Technical support", timeZone: "America/New_York" },
  { id: "team_accounts", name: "Account care", timeZone: "Europe/London" },
];

/** category → team, subjects, the share that are the company's fault, typical priority weights [low, normal, high, urgent]. */
const categories: readonly { name: string; team: string; subjects: readonly string[]; failure: number; priority: readonly number[] }[] = [
  { name: "billing", team: "team_billing", subjects: ["Charged twice for one order", "Invoice shows the wrong amount", "Refund not received", "Question about an invoice"], failure: 0.03, priority: [0.2, 0.55, 0.2, 0.05] },
  { name: "delivery", team: "team_accounts", subjects: ["Order arrived late", "Parcel missing items", "Delivery to the wrong address", "Where is my order?"], failure: 0.05, priority: [0.15, 0.55, 0.25, 0.05] },
  { name: "product_defect", team: "team_technical", subjects: ["Machine stopped heating", "Grinder makes a loud noise", "Leak from the water tank", "Display shows an error code"], failure: 0.04, priority: [0.05, 0.45, 0.35, 0.15] },
  { name: "how_to", team: "team_technical", subjects: ["How do I descale the machine?", "Setting up the milk frother", "Which beans suit espresso?"], failure: 0, priority: [0.5, 0.45, 0.05, 0] },
  { name: "account", team: "team_accounts", subjects: ["Change the billing contact", "Add a second site to our account", "Cancel our subscription", "Update payment details"], failure: 0.005, priority: [0.3, 0.55, 0.12, 0.03] },
];
const categoryWeights = [0.24, 0.2, 0.22, 0.16, 0.18];
const channels: readonly CaseChannel[] = ["email", "email", "email", "phone", "chat", "chat", "web"];
const priorities: readonly CasePriority[] = ["low", "normal", "high", "urgent"];

/** Base cases per customer-year; B2B accounts write more; a customer about to drop out writes more still. */
const BASE_RATE_PER_YEAR = 0.12;
const B2B_FACTOR = 4;
const DROPOUT_EXTRA = 0.9;
const REOPEN_SHARE = 0.08;

/**
 * About 1,500 support cases over the demo's two years, correlated with the
 * customers: a customer who later drops out files more cases (and more
 * product defects) in the four months before it does. Some cases are
 * reopened once; a few are marked as the company's failure. Cases of the last
 * two weeks are still being worked. Seeded on its own (seed + 6), so adding
 * cases changes none of the other demo data.
 */
export function generateDemoCases(input: {
  seed: number;
  start: Date;
  today: Date;
  customers: readonly DemoCustomerRow[];
  users: readonly DemoUserRow[];
  products: readonly DemoProductRow[];
  /** When each customer stopped buying (null: still active). */
  droppedOutAt: ReadonlyMap<string, Date | null>;
}): DemoCases {
  const random = createSeededRandom(input.seed + 6);
  const agents = input.users.filter((u) => u.role === "agent" || u.role === "manager").map((u) => u.id);
  const cases: DemoCaseRow[] = [];
  const caseEvents: DemoCaseEventRow[] = [];
  const timeline: DemoEventRow[] = [];
  for (const customer of input.customers) {
    const from = customer.firstSeenAt > input.start ? customer.firstSeenAt : input.start;
    const years = (input.today.getTime() - from.getTime()) / (365 * DAY_MS);
    const rate = BASE_RATE_PER_YEAR * (customer.kind === "organization" ? B2B_FACTOR : 1);
    const times: Date[] = [];
    for (let n = poisson(rate * years, random); n > 0; n--) times.push(new Date(from.getTime() + random.next() * (input.today.getTime() - from.getTime())));
    const dropped = input.droppedOutAt.get(customer.id) ?? null;
    if (dropped && dropped < input.today) {
      for (let n = poisson(DROPOUT_EXTRA, random); n > 0; n--) times.push(addDays(dropped, -random.next() * 120));
    }
    for (const at of times.filter((t) => t >= from).sort((a, b) => a.getTime() - b.getTime())) {
      const nearDropout = dropped !== null && dropped.getTime() - at.getTime() < 120 * DAY_MS && dropped >= at;
      const row = draftCase(customer, businessHours(at, random), nearDropout, agents, input, random);
      row.externalId = `SUP-${String(cases.length + 1).padStart(5, "0")}`;
      cases.push(row);
      caseEvents.push(...historyOf(row, random));
      const add = (type: "case.opened" | "case.resolved", occurredAt: Date) =>
        timeline.push({
          id: demoId("event", occurredAt, random),
          customerId: row.customerId,
          type,
          occurredAt,
          summary: `${type === "case.opened" ? "Case opened" : "Case resolved"}: ${row.subject}`,
          properties: { case_id: row.id, priority: row.priority, category: row.category },
        });
      add("case.opened", row.openedAt);
      if (row.resolvedAt) add("case.resolved", row.resolvedAt);
    }
  }
  return { teams: [...teams], cases, caseEvents, timeline };
}

function draftCase(customer: Pick<DemoCustomerRow, "id">, openedAt: Date, nearDropout: boolean, agents: readonly string[], input: { today: Date; products: readonly DemoProductRow[] }, random: SeededRandom): DemoCaseRow {
  const weights = nearDropout ? [0.2, 0.2, 0.35, 0.05, 0.2] : categoryWeights;
  const category = categories[weightedIndex(weights, random)] ?? categories[0]!;
  const priority = priorities[weightedIndex(category.priority, random)] ?? "normal";
  const product = category.name === "product_defect" || category.name === "how_to" ? random.pick(input.products.filter((p) => !p.isService)) : null;
  const age = (input.today.getTime() - openedAt.getTime()) / DAY_MS;
  const urgency = { low: 2, normal: 1, high: 0.5, urgent: 0.2 }[priority];
  const firstResponseAt = age < 0.05 ? null : addDays(openedAt, Math.min(age * 0.9, (urgency * random.gamma(1.2, 1)) / 2));
  const workDays = urgency * random.gamma(1.5, 0.6) * (category.name === "product_defect" ? 2 : 1);
  const resolvedAt = firstResponseAt && age > 14 ? addDays(firstResponseAt, workDays) : null;
  const closedAt = resolvedAt && addDays(resolvedAt, 7) < input.today ? addDays(resolvedAt, 7) : null;
  const status: CaseStatus = closedAt ? "closed" : resolvedAt ? "resolved" : !firstResponseAt ? "new" : random.pick(["open", "open", "pending_customer", "on_hold"] as const);
  return {
    id: demoId("case", openedAt, random),
    externalId: "",
    customerId: customer.id,
    subject: random.pick(category.subjects),
    description: "Details are in the conversation.",
    channel: random.pick(channels),
    category: category.name,
    productId: product?.id ?? null,
    priority,
    status,
    ownerUserId: random.chance(0.85) ? random.pick(agents) : null,
    teamId: category.team,
    isCompanyFailure: random.chance(category.failure),
    resolutionNote: resolvedAt ? "Resolved with the customer; see the conversation." : null,
    openedAt,
    firstResponseAt,
    resolvedAt,
    closedAt,
    reopenCount: resolvedAt && random.chance(REOPEN_SHARE) ? 1 : 0,
  };
}

/** created → open (first response) → [resolved → open → ] resolved → closed, as far as the case got. */
function historyOf(row: DemoCaseRow, random: SeededRandom): DemoCaseEventRow[] {
  const events: DemoCaseEventRow[] = [];
  const add = (kind: string, fromStatus: CaseStatus | null, toStatus: CaseStatus | null, occurredAt: Date, body: string | null = null) =>
    events.push({ id: demoId("caseEvent", occurredAt, random), caseId: row.id, kind, fromStatus, toStatus, actorUserId: kind === "created" ? null : row.ownerUserId, body, occurredAt });
  add("created", null, "new", row.openedAt);
  if (!row.firstResponseAt) return events;
  add("status_changed", "new", "open", row.firstResponseAt);
  add("response", null, null, row.firstResponseAt, "Thanks for getting in touch; we are looking into it.");
  if (!row.resolvedAt) {
    if (row.status !== "open") add("status_changed", "open", row.status, row.firstResponseAt);
    return events;
  }
  if (row.reopenCount > 0) {
    const firstFix = new Date((row.firstResponseAt.getTime() + row.resolvedAt.getTime()) / 2);
    add("status_changed", "open", "resolved", firstFix, "First fix applied.");
    add("status_changed", "resolved", "open", new Date((firstFix.getTime() + row.resolvedAt.getTime()) / 2), null);
  }
  add("status_changed", "open", "resolved", row.resolvedAt, row.resolutionNote);
  if (row.closedAt) add("status_changed", "resolved", "closed", row.closedAt);
  return events;
}

function poisson(mean: number, random: SeededRandom): number {
  let n = 0;
  for (let t = random.exponential(1); t < mean; t += random.exponential(1)) n++;
  return n;
}

function weightedIndex(weights: readonly number[], random: SeededRandom): number {
  let u = random.next() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) {
    u -= w;
    if (u <= 0) return i;
  }
  return weights.length - 1;
}
