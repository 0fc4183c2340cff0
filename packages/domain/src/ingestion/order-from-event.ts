import { formatMoneyUnits, invalidInput, isCurrencyCode, multiplyMoney, parseMoneyOrThrow, parseMoneyUnits, sumMoney, type Money } from "@tenure/shared";
import type { OrderDraft, OrderLineDraft } from "./ingestion-message.ts";
import { objectOf, textOf } from "./trait-values.ts";

/** The Segment e-commerce events (Spec v2) that become orders. */
export const orderEvents = { completed: "Order Completed", refunded: "Order Refunded" } as const;

export interface OrderEventMessage {
  path: string;
  event: string;
  messageId: string;
  occurredAt: Date;
  userId: string | null;
  properties: Record<string, unknown>;
}

const orderKeys = ["order_id", "currency", "products", "total"];

/**
 * The order an `Order Completed` or `Order Refunded` track event describes;
 * null for any other event. Throws an invalid-input error naming the field
 * (e.g. `batch[2].properties.products[0].price`) when the order is not exact.
 *
 * Amounts are decimal strings, never floats. The total is `total`, else
 * `revenue`, else the sum of the lines. A refund is its own order (status
 * `returned`, external id `<order_id>:refund:<messageId>`) with negative
 * lines and total; a refund naming only the order id refunds all of it.
 */
export function orderFromEventOrThrow(message: OrderEventMessage): OrderDraft | null {
  const refund = message.event === orderEvents.refunded;
  if (!refund && message.event !== orderEvents.completed) return null;
  const field = `${message.path}properties.`;
  const props = message.properties;
  const orderId = textOf(props.order_id);
  if (orderId === null) throw invalidInput(`${field}order_id`, `${field}order_id is required for "${message.event}" (a string or number)`);
  const currency = currencyOrThrow(`${field}currency`, props.currency);
  const lines = linesOrThrow(`${field}products`, props.products, refund);
  const given = moneyOf(`${field}total`, props.total) ?? moneyOf(`${field}revenue`, props.revenue);
  if (!refund && given === null && lines.length === 0) {
    throw invalidInput(`${field}total`, `"Order Completed" needs ${field}total, ${field}revenue or ${field}products to know what the order was worth`);
  }
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) if (!orderKeys.includes(key)) attributes[key] = value;
  if (refund) attributes.refund_of = orderId;
  let total: Money | null = given ?? (lines.length > 0 ? sumMoney(lines.map((line) => line.amount)) : null);
  if (refund && given !== null) total = negate(given);
  return {
    externalId: refund ? `${orderId}:refund:${message.messageId}` : orderId,
    userExternalId: message.userId,
    orderedAt: message.occurredAt,
    currency,
    status: refund ? "returned" : "completed",
    total,
    lines,
    refundOf: refund ? orderId : null,
    attributes,
    messageId: message.messageId,
  };
}

function currencyOrThrow(field: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const code = textOf(value)?.toUpperCase() ?? "";
  if (!isCurrencyCode(code)) throw invalidInput(field, `${field} must be an ISO 4217 currency code such as EUR, got ${JSON.stringify(value)}`);
  return code;
}

function moneyOf(field: string, value: unknown): Money | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" && typeof value !== "string") throw invalidInput(field, `${field} must be a decimal amount`);
  return parseMoneyOrThrow(field, value);
}

// A refund's total is negative whatever sign the sender used.
function negate(amount: Money): Money {
  const units = parseMoneyUnits(amount) ?? 0n;
  return formatMoneyUnits(units > 0n ? -units : units);
}

function linesOrThrow(field: string, value: unknown, refund: boolean): OrderLineDraft[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidInput(field, `${field} must be a list of products`);
  return value.map((item: unknown, j) => {
    const at = `${field}[${j}]`;
    const product = objectOf(item);
    if (!product) throw invalidInput(at, `${at} must be an object with product_id or sku, name, price and quantity`);
    const unitPrice = moneyOf(`${at}.price`, product.price);
    if (unitPrice === null) throw invalidInput(`${at}.price`, `${at}.price is required`);
    const quantity = moneyOf(`${at}.quantity`, product.quantity) ?? "1";
    if ((parseMoneyUnits(quantity) ?? 0n) <= 0n) throw invalidInput(`${at}.quantity`, `${at}.quantity must be greater than 0, got ${quantity}`);
    const signed = refund ? negate(quantity) : quantity;
    const sku = textOf(product.sku);
    return {
      lineNo: j + 1,
      productExternalId: textOf(product.product_id) ?? sku,
      sku,
      description: textOf(product.name),
      category: textOf(product.category),
      quantity: signed,
      unitPrice,
      amount: multiplyMoney(signed, unitPrice),
    };
  });
}
