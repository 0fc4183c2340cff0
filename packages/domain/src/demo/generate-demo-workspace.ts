import type {
  DemoContactRow,
  DemoContractRow,
  DemoCustomerRow,
  DemoDataset,
  DemoEventRow,
  DemoInvoiceRow,
  DemoOrderLineRow,
  DemoOrderRow,
  DemoPaymentRow,
  DemoProductRow,
} from "./demo-dataset.ts";
import { demoCatalog } from "./demo-catalog.ts";
import { draftContract, draftInvoice, drawPayerProfile, type PayerProfile } from "./demo-billing.ts";
import { addDays, addMonths, DAY_MS, fromIsoDate } from "./demo-dates.ts";
import { demoId } from "./demo-id.ts";
import { DemoPartyFactory, demoUsers } from "./demo-parties.ts";
import {
  b2bProfile,
  b2cProfile,
  businessHours,
  draftOrder,
  draftReversal,
  productChooser,
  reversalDelay,
  simulatePurchases,
  type DemoOrderDraft,
} from "./demo-purchases.ts";
import { createSeededRandom, type SeededRandom } from "./seeded-random.ts";
import { generateDemoCases } from "./demo-cases.ts";

export interface DemoOptions {
  /** Same seed, same data. */
  seed: number;
  /** Number of customers; about 12% are B2B organisations. */
  customers: number;
  /** The fixed "today" of the demo: orders run for two years up to it (never the real clock). */
  today: Date;
}

export const defaultDemoOptions: DemoOptions = {
  seed: 20261101,
  customers: 5000,
  today: new Date("2026-11-01T00:00:00Z"),
};

export const demoWorkspaceSlug = "demo";

const B2B_SHARE = 0.12;
const RETURN_RATE = 0.04;
const CANCEL_RATE = 0.015;

/**
 * Generate the demo workspace "Demo Co": staff, a product catalog, B2B
 * accounts with contacts, owners and contracts, B2C buyers, two years of
 * orders from the BG/NBD story with Gamma-Gamma spend, invoices and payments
 * for B2B orders, and a timeline of events. Pure: the same options give the
 * same rows, ids included.
 */
export function generateDemoWorkspace(options: DemoOptions = defaultDemoOptions): DemoDataset {
  const random = createSeededRandom(options.seed);
  const today = options.today;
  const start = addMonths(today, -24);
  const createdAt = addDays(start, -1);
  const workspace = {
    id: demoId("workspace", createdAt, random),
    slug: demoWorkspaceSlug,
    name: "Demo Co",
    defaultCurrency: "USD",
    defaultLocale: "en",
    timeZone: "UTC",
    createdAt,
    settings: { demo: { seed: options.seed, today: today.toISOString(), customers: options.customers, b2c: b2cProfile, b2b: b2bProfile } },
  };
  const users = demoUsers(random, createdAt, Math.max(4, Math.min(6, Math.round(options.customers / 1000) + 1)));
  const reps = users.filter((u) => u.role === "rep");
  const products = demoCatalog.map(([sku, name, category, price, unitCost, audience, isService]): DemoProductRow => ({
    id: demoId("product", createdAt, random),
    externalId: sku,
    name,
    category,
    price: Number(price).toString(),
    unitCost: Number(unitCost).toString(),
    isService,
    audience,
  }));
  const bySku = new Map(products.map((p) => [p.externalId, p]));
  const productById = new Map(products.map((p) => [p.id, p]));
  const contractProducts = { standard: bySku.get("SRV-100"), premium: bySku.get("SRV-101") };
  if (!contractProducts.standard || !contractProducts.premium) throw new Error("the catalog lacks maintenance contracts");
  const choices = { b2c: productChooser(products, "b2c"), b2b: productChooser(products, "b2b") };

  const parties = new DemoPartyFactory(random);
  const customers: DemoCustomerRow[] = [];
  const contacts: DemoContactRow[] = [];
  const drafts: DemoOrderDraft[] = [];
  const contracts: DemoContractRow[] = [];
  const payers = new Map<string, PayerProfile>();
  const contractInvoiceDates: { contract: DemoContractRow; at: Date }[] = [];
  const organisations = Math.round(options.customers * B2B_SHARE);
  const span = today.getTime() - start.getTime();
  const droppedOutAt = new Map<string, Date | null>();

  for (let i = 0; i < options.customers; i++) {
    const b2b = i < organisations;
    // B2B accounts were mostly won early in the window; B2C buyers arrive steadily.
    const u = random.next();
    const birth = businessHours(new Date(start.getTime() + (b2b ? u * u : u) * span), random);
    const firstSeenAt = addDays(birth, -random.next() * 3);
    let customer: DemoCustomerRow;
    if (b2b) {
      const org = parties.organisation(i + 1, firstSeenAt, reps);
      customer = org.customer;
      contacts.push(...org.contacts);
      payers.set(customer.id, drawPayerProfile(random));
    } else {
      customer = parties.person(i + 1, firstSeenAt);
    }
    customers.push(customer);
    const history = simulatePurchases(b2b ? b2bProfile : b2cProfile, birth, today, random);
    droppedOutAt.set(customer.id, history.droppedOutAt);
    const scale = b2b ? sizeMultiplier(customer.sizeBand) : 1;
    for (const [n, at] of history.times.entries()) {
      const target = random.gamma(b2b ? b2bProfile.spendShape : b2cProfile.spendShape, history.nu) * scale;
      const draft = draftOrder(customer.id, n === 0 ? at : businessHours(at, random), target, b2b ? choices.b2b : choices.b2c, b2b ? 200 : 20, random);
      if (draft.lines.length === 0) continue;
      drafts.push(draft);
      const reversal = random.chance(CANCEL_RATE) ? "cancelled" : random.chance(RETURN_RATE) ? "returned" : null;
      if (reversal) {
        const when = addDays(draft.order.orderedAt, reversalDelay(reversal, random));
        if (when < today) drafts.push(draftReversal(draft, reversal, when, productById, random));
      }
    }
    if (b2b && random.chance(0.75)) {
      const { contract, termStarts } = draftContract(customer, contracts.length + 1, history.droppedOutAt, { standard: contractProducts.standard, premium: contractProducts.premium }, today, random);
      contracts.push(contract);
      for (const at of termStarts) contractInvoiceDates.push({ contract, at });
    }
  }

  // Number orders in time order, like a real order system would.
  drafts.sort((x, y) => x.order.orderedAt.getTime() - y.order.orderedAt.getTime() || (x.order.id < y.order.id ? -1 : 1));
  const orders: DemoOrderRow[] = [];
  const orderLines: DemoOrderLineRow[] = [];
  for (const [n, draft] of drafts.entries()) {
    orders.push({ ...draft.order, externalId: `SO-${String(n + 1).padStart(6, "0")}` });
    orderLines.push(...draft.lines);
  }

  const invoices: DemoInvoiceRow[] = [];
  const payments: DemoPaymentRow[] = [];
  const bill = (customerId: string, source: { orderId: string | null; contractId: string | null }, at: Date, amount: string): void => {
    const { invoice, payment } = draftInvoice(customerId, source, at, amount, payers.get(customerId) ?? "prompt", today, random);
    invoices.push(invoice);
    if (payment) payments.push(payment);
  };
  for (const order of orders) {
    if (order.status === "completed" && payers.has(order.customerId)) bill(order.customerId, { orderId: order.id, contractId: null }, order.orderedAt, order.total);
  }
  for (const { contract, at } of contractInvoiceDates) bill(contract.customerId, { orderId: null, contractId: contract.id }, at, contract.annualValue);
  invoices.sort((x, y) => x.issuedOn.localeCompare(y.issuedOn) || (x.id < y.id ? -1 : 1));
  invoices.forEach((inv, n) => (inv.externalId = `INV-${String(n + 1).padStart(6, "0")}`));
  payments.sort((x, y) => x.paidAt.getTime() - y.paidAt.getTime() || (x.id < y.id ? -1 : 1));
  payments.forEach((pay, n) => (pay.externalId = `PAY-${String(n + 1).padStart(6, "0")}`));

  const events = timeline({ customers, orders, invoices, contracts, today, random });
  const cases = generateDemoCases({ seed: options.seed, start, today, customers, users, products, droppedOutAt });
  events.push(...cases.timeline);
  return { workspace, users, products, customers, contacts, orders, orderLines, contracts, invoices, payments, events, cases };
}

function sizeMultiplier(sizeBand: string | null): number {
  return { "1-10": 0.5, "11-50": 1, "51-200": 1.8, "201-1000": 3, "1000+": 5 }[sizeBand ?? ""] ?? 1;
}

/** The customer timeline: creation, orders, invoice outcomes and renewals due. */
function timeline(input: {
  customers: readonly DemoCustomerRow[];
  orders: readonly DemoOrderRow[];
  invoices: readonly DemoInvoiceRow[];
  contracts: readonly DemoContractRow[];
  today: Date;
  random: SeededRandom;
}): DemoEventRow[] {
  const { random, today } = input;
  const events: DemoEventRow[] = [];
  const add = (customerId: string, type: string, occurredAt: Date, summary: string, properties: Record<string, unknown>): void => {
    events.push({ id: demoId("event", occurredAt, random), customerId, type, occurredAt, summary, properties });
  };
  for (const c of input.customers) add(c.id, "customer.created", c.firstSeenAt, `${c.kind === "organization" ? "Account" : "Customer"} ${c.name} created`, { externalId: c.externalId });
  for (const o of input.orders) {
    const verb = o.status === "completed" ? "completed" : o.status;
    add(o.customerId, `order.${verb}`, o.orderedAt, `Order ${o.externalId} ${verb}: ${o.total} ${o.currency}, ${o.lineCount} line${o.lineCount === 1 ? "" : "s"}`, {
      orderId: o.id,
      externalId: o.externalId,
      total: o.total,
      currency: o.currency,
    });
  }
  for (const inv of input.invoices) {
    const props = { invoiceId: inv.id, externalId: inv.externalId, amount: inv.amount, currency: inv.currency };
    const due = fromIsoDate(inv.dueOn);
    const overdueAt = addDays(due, 1);
    const paidLate = inv.paidOn !== null && inv.paidOn > inv.dueOn;
    if ((inv.status === "open" || paidLate) && overdueAt < today) add(inv.customerId, "invoice.overdue", overdueAt, `Invoice ${inv.externalId} is overdue (${inv.amount} ${inv.currency})`, props);
    if (inv.paidOn) add(inv.customerId, "invoice.paid", addDays(fromIsoDate(inv.paidOn), 0.5), `Invoice ${inv.externalId} paid`, props);
    if (inv.disputedAt) add(inv.customerId, "invoice.disputed", inv.disputedAt, `Invoice ${inv.externalId} disputed: ${inv.disputeReason ?? ""}`, { ...props, reason: inv.disputeReason });
  }
  for (const ct of input.contracts) {
    const renewal = fromIsoDate(ct.renewalOn);
    const daysLeft = (renewal.getTime() - today.getTime()) / DAY_MS;
    if (ct.status !== "expired" && daysLeft >= 0 && daysLeft <= 90) {
      add(ct.customerId, "contract.renewal_due", addDays(renewal, -90), `Contract ${ct.externalId} renews on ${ct.renewalOn}`, { contractId: ct.id, renewalOn: ct.renewalOn, annualValue: ct.annualValue });
    }
  }
  return events;
}
