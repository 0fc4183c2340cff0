import { multiplyMoney, sumMoney } from "@tenure/shared";
import type { DemoOrderLineRow, DemoOrderRow, DemoOrderStatus, DemoProductRow } from "./demo-dataset.ts";
import { addDays, DAY_MS } from "./demo-dates.ts";
import { demoId } from "./demo-id.ts";
import type { SeededRandom } from "./seeded-random.ts";

/**
 * Population parameters of the repeat-purchase process (Fader, Hardie & Lee
 * 2005, "Counting your customers the easy way", BG/NBD): while alive, a
 * customer buys at rate λ ~ Gamma(r, α) per day; after each purchase it drops
 * out with probability p ~ Beta(a, b). Spend follows Gamma-Gamma (Fader &
 * Hardie 2013): order value ~ Gamma(shape, ν) with ν ~ Gamma(q, γ).
 */
export interface PurchaseProfile {
  r: number;
  alpha: number;
  a: number;
  b: number;
  spendShape: number;
  spendQ: number;
  spendGamma: number;
}

export const b2cProfile: PurchaseProfile = { r: 0.55, alpha: 70, a: 1, b: 3, spendShape: 5, spendQ: 4, spendGamma: 45 };
export const b2bProfile: PurchaseProfile = { r: 2, alpha: 45, a: 0.7, b: 8, spendShape: 4, spendQ: 3.5, spendGamma: 560 };

/** One simulated customer's purchase times, and when it dropped out (null if still alive). */
export interface PurchaseHistory {
  times: Date[];
  droppedOutAt: Date | null;
  /** The customer's mean order value (Gamma-Gamma draw). */
  meanSpend: number;
  nu: number;
}

/** Simulate purchases from `birth` (the first purchase) up to `today`. */
export function simulatePurchases(profile: PurchaseProfile, birth: Date, today: Date, random: SeededRandom): PurchaseHistory {
  const lambda = random.gamma(profile.r, profile.alpha);
  const p = random.beta(profile.a, profile.b);
  const nu = random.gamma(profile.spendQ, profile.spendGamma);
  const times = [birth];
  let t = birth.getTime();
  let droppedOutAt: Date | null = null;
  for (;;) {
    if (random.chance(p)) {
      droppedOutAt = new Date(t);
      break;
    }
    t += random.exponential(lambda) * DAY_MS;
    if (t >= today.getTime()) break;
    times.push(new Date(t));
  }
  return { times, droppedOutAt, meanSpend: profile.spendShape / nu, nu };
}

/** A product pick list for one audience, weighted towards cheap, frequently bought items. */
export function productChooser(products: readonly DemoProductRow[], audience: "b2c" | "b2b"): readonly (readonly [DemoProductRow, number])[] {
  return products.filter((p) => p.audience === audience || p.audience === "both").map((p) => [p, 1 / Math.pow(Number(p.price), 0.6)] as const);
}

/** A new order and its lines, plus an optional return or cancellation of it. */
export interface DemoOrderDraft {
  order: DemoOrderRow;
  lines: DemoOrderLineRow[];
}

/**
 * An order of 1–5 lines whose value is near `target`; every line's amount is
 * quantity × unit price exactly, and the total is their exact sum.
 */
export function draftOrder(
  customerId: string,
  at: Date,
  target: number,
  choices: readonly (readonly [DemoProductRow, number])[],
  maxQuantity: number,
  random: SeededRandom,
): DemoOrderDraft {
  const id = demoId("order", at, random);
  const count = random.weighted([[1, 35], [2, 25], [3, 18], [4, 13], [5, 9]]);
  const used = new Set<string>();
  const lines: DemoOrderLineRow[] = [];
  for (let i = 0; i < count; i++) {
    const product = random.weighted(choices);
    if (used.has(product.id)) continue;
    used.add(product.id);
    const quantity = String(Math.min(maxQuantity, Math.max(1, Math.round(target / count / Number(product.price)))));
    lines.push(line(id, lines.length + 1, product, quantity));
  }
  return { order: orderRow(id, customerId, at, "completed", lines, {}), lines };
}

/** A return (some units of one line) or a cancellation (every line), as an order with negative lines. */
export function draftReversal(original: DemoOrderDraft, kind: "returned" | "cancelled", at: Date, products: ReadonlyMap<string, DemoProductRow>, random: SeededRandom): DemoOrderDraft {
  const id = demoId("order", at, random);
  const reversed = kind === "cancelled" ? original.lines : [random.pick(original.lines)];
  const lines = reversed.map((l, i) => {
    const product = products.get(l.productId);
    if (!product) throw new Error(`unknown product ${l.productId}`);
    const units = kind === "cancelled" ? Number(l.quantity) : random.int(1, Number(l.quantity));
    return line(id, i + 1, product, String(-units));
  });
  const reason = kind === "cancelled" ? random.pick(["changed mind", "ordered by mistake", "delivery too slow"]) : random.pick(["damaged in transit", "not as described", "no longer needed", "wrong item"]);
  return { order: orderRow(id, original.order.customerId, at, kind, lines, { originalOrderId: original.order.id, reason }), lines };
}

/** Days after the order when a return or cancellation happens. */
export function reversalDelay(kind: "returned" | "cancelled", random: SeededRandom): number {
  return kind === "cancelled" ? random.next() * 0.5 : random.int(3, 30) + random.next();
}

/** Noon-ish on the day: purchases happen in working hours. */
export function businessHours(at: Date, random: SeededRandom): Date {
  const midnight = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  return addDays(new Date(midnight), (8 + random.next() * 12) / 24);
}

function line(orderId: string, lineNo: number, product: DemoProductRow, quantity: string): DemoOrderLineRow {
  return {
    orderId,
    lineNo,
    productId: product.id,
    sku: product.externalId,
    description: product.name,
    quantity,
    unitPrice: product.price,
    amount: multiplyMoney(quantity, product.price),
  };
}

function orderRow(id: string, customerId: string, at: Date, status: DemoOrderStatus, lines: readonly DemoOrderLineRow[], attributes: Record<string, unknown>): DemoOrderRow {
  return {
    id,
    externalId: "", // numbered in time order once every order exists
    customerId,
    orderedAt: at,
    currency: "USD",
    status,
    total: sumMoney(lines.map((l) => l.amount)),
    lineCount: lines.length,
    attributes,
  };
}
