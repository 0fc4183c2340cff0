import type { DemoContractRow, DemoCustomerRow, DemoInvoiceRow, DemoPaymentRow, DemoProductRow } from "./demo-dataset.ts";
import { addDays, addMonths, isoDate } from "./demo-dates.ts";
import { demoId } from "./demo-id.ts";
import { sizeBands } from "./demo-parties.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** How an account pays its invoices. */
export type PayerProfile = "prompt" | "slow" | "disputer";

export function drawPayerProfile(random: SeededRandom): PayerProfile {
  return random.weighted([["prompt", 70], ["slow", 20], ["disputer", 10]]);
}

const disputeReasons = [
  "Goods arrived damaged",
  "Price differs from the contract",
  "Service visit not completed",
  "Invoice sent to the wrong entity",
  "Discount promised by the rep is missing",
];

/** An invoice (net 30) and its payment, paid, late, unpaid or disputed by the payer's habits as of `today`. */
export function draftInvoice(
  customerId: string,
  source: { orderId: string | null; contractId: string | null },
  issuedAt: Date,
  amount: string,
  payer: PayerProfile,
  today: Date,
  random: SeededRandom,
): { invoice: DemoInvoiceRow; payment: DemoPaymentRow | null } {
  const due = addDays(issuedAt, 30);
  const invoice: DemoInvoiceRow = {
    id: demoId("invoice", issuedAt, random),
    externalId: "",
    customerId,
    orderId: source.orderId,
    contractId: source.contractId,
    issuedOn: isoDate(issuedAt),
    dueOn: isoDate(due),
    amount,
    currency: "USD",
    status: "open",
    paidOn: null,
    disputedAt: null,
    disputeReason: null,
  };
  if (payer === "disputer" && random.chance(0.3)) {
    const disputedAt = addDays(issuedAt, random.int(7, 40) + random.next());
    if (disputedAt < today) return { invoice: { ...invoice, status: "disputed", disputedAt, disputeReason: random.pick(disputeReasons) }, payment: null };
  }
  const delay = payer === "prompt" ? random.int(3, 29) : random.int(20, 80);
  const paidAt = addDays(issuedAt, delay + random.next());
  if (paidAt >= today) return { invoice, payment: null };
  const payment: DemoPaymentRow = {
    id: demoId("payment", paidAt, random),
    externalId: "",
    customerId,
    invoiceId: invoice.id,
    paidAt,
    amount,
    currency: "USD",
    method: random.weighted([["bank_transfer", 80], ["card", 20]]),
  };
  return { invoice: { ...invoice, status: "paid", paidOn: isoDate(paidAt) }, payment };
}

/**
 * A maintenance contract for a B2B account: yearly or two-yearly terms from
 * the first purchase, renewed while the account is alive; some discounted,
 * some on a free promotion that ends around `today`. Returns the current (or
 * last) term and the start of every term, for the contract invoices.
 */
export function draftContract(
  customer: DemoCustomerRow,
  index: number,
  droppedOutAt: Date | null,
  products: { standard: DemoProductRow; premium: DemoProductRow },
  today: Date,
  random: SeededRandom,
): { contract: DemoContractRow; termStarts: Date[] } {
  const months = random.weighted([[12, 70], [24, 30]]);
  const churnAt = droppedOutAt ? addDays(droppedOutAt, 60) : null;
  const termStarts = [customer.firstSeenAt];
  let start = customer.firstSeenAt;
  let end = addMonths(start, months);
  while (end < today && !(churnAt && churnAt < end)) {
    start = end;
    end = addMonths(start, months);
    termStarts.push(start);
  }
  const expired = end < today;
  const band = sizeBands.find(([name]) => name === customer.sizeBand);
  const seats = Math.max(1, Math.round((band?.[2] ?? 1) * 2));
  const product = seats >= 4 ? products.premium : products.standard;
  const discount = random.chance(0.35) ? random.pick([5, 10, 15, 20]) : 0;
  const annualCents = Math.round(Number(product.price) * seats * (100 - discount));
  const promotion = !expired && random.chance(0.12);
  const renewalInDays = (end.getTime() - today.getTime()) / 86_400_000;
  return {
    contract: {
      id: demoId("contract", start, random),
      externalId: `CT-${String(index).padStart(5, "0")}`,
      customerId: customer.id,
      name: `${product.name}, ${seats} machine${seats === 1 ? "" : "s"}`,
      status: expired ? "expired" : renewalInDays <= 60 ? "renewing" : "active",
      startsOn: isoDate(start),
      endsOn: isoDate(end),
      renewalOn: isoDate(end),
      autoRenew: random.chance(0.5),
      annualValue: (annualCents / 100).toFixed(2),
      currency: "USD",
      discountPercent: discount.toFixed(3),
      promotionEndsOn: promotion ? isoDate(addDays(today, random.int(-120, 120))) : null,
      terms: `${months}-month term, net 30${discount ? `, ${discount}% discount` : ""}${promotion ? ", first 3 months free (promotion)" : ""}`,
    },
    termStarts,
  };
}
