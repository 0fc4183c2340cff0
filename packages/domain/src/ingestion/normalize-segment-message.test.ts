import { describe, expect, it } from "vitest";
import { AppError } from "@tenure/shared";
import { normalizeSegmentMessageOrThrow } from "./normalize-segment-message.ts";
import { planIngestion } from "./plan-ingestion.ts";
import type { SegmentMessageInput } from "./segment-input.ts";

const receivedAt = new Date("2026-03-01T12:00:00Z");
const at = (i: number) => ({ path: `batch[${i}].`, receivedAt, fallbackMessageId: `fallback-${i}` });

function errorOf(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("normalizeSegmentMessageOrThrow", () => {
  it("maps identify traits to customer fields and keeps the rest (and misfits) as attributes", () => {
    const message = normalizeSegmentMessageOrThrow(
      {
        type: "identify",
        userId: 42,
        messageId: "m1",
        timestamp: "2026-02-01T10:00:00+01:00",
        traits: { firstName: "Ada", lastName: "Lovelace", email: "not-an-email", phone: "+44 20 1234", address: { country: "gb", city: "London" }, plan: "pro" },
        context: { locale: "en-GB", timezone: "Europe/London" },
      },
      at(0),
    );
    expect(message.type).toBe("identify");
    if (message.type !== "identify") throw new Error("expected an identify message"); // narrows the type
    expect(message.userId).toBe("42");
    expect(message.occurredAt.toISOString()).toBe("2026-02-01T09:00:00.000Z");
    expect(message.person).toMatchObject({ name: "Ada Lovelace", email: null, phone: "+44 20 1234", country: "GB", timeZone: "Europe/London", locale: "en-GB" });
    expect(message.person.attributes).toEqual({ email: "not-an-email", address: { country: "gb", city: "London" }, plan: "pro" });
  });

  it("names the field of a bad message with its batch index", () => {
    expect(errorOf(() => normalizeSegmentMessageOrThrow({ type: "track", event: "x" }, at(3))).details.field).toBe("batch[3].userId");
    expect(errorOf(() => normalizeSegmentMessageOrThrow({ type: "track", event: "x", userId: "u", timestamp: "yesterday" }, at(1))).details.field).toBe("batch[1].timestamp");
    expect(errorOf(() => normalizeSegmentMessageOrThrow({ type: "track", event: " ", userId: "u" }, at(2))).details.field).toBe("batch[2].event");
  });

  it("corrects originalTimestamp for the sender's clock skew and falls back to the time of receipt", () => {
    const skewed = normalizeSegmentMessageOrThrow(
      { type: "track", event: "Opened", anonymousId: "a", originalTimestamp: "2026-03-01T11:00:00Z", sentAt: "2026-03-01T11:00:30Z" },
      at(0),
    );
    expect(skewed.occurredAt.toISOString()).toBe("2026-03-01T11:59:30.000Z");
    const bare = normalizeSegmentMessageOrThrow({ type: "page", userId: "u", name: "Pricing" }, at(0));
    expect(bare.occurredAt).toEqual(receivedAt);
    expect(bare.messageId).toBe("fallback-0");
  });

  it("turns Order Completed into an exact order with lines", () => {
    const message = normalizeSegmentMessageOrThrow(
      {
        type: "track",
        event: "Order Completed",
        userId: "u1",
        messageId: "m9",
        properties: { order_id: "A-1", currency: "eur", total: 30.1, products: [{ product_id: "p1", name: "Tea", price: 0.1, quantity: 3 }, { sku: "S-2", price: "29.8" }] },
      },
      at(0),
    );
    if (message.type !== "track") throw new Error("expected track");
    expect(message.order).toMatchObject({ externalId: "A-1", currency: "EUR", total: "30.1", status: "completed" });
    expect(message.order?.lines.map((l) => [l.productExternalId, l.quantity, l.unitPrice, l.amount])).toEqual([
      ["p1", "3", "0.1", "0.3"],
      ["S-2", "1", "29.8", "29.8"],
    ]);
  });

  it("turns Order Refunded into a returned order with negative lines, and refuses inexact amounts", () => {
    const refund = normalizeSegmentMessageOrThrow(
      { type: "track", event: "Order Refunded", userId: "u1", messageId: "r1", properties: { order_id: "A-1", products: [{ product_id: "p1", price: "0.1", quantity: 2 }] } },
      at(0),
    );
    if (refund.type !== "track") throw new Error("expected track");
    expect(refund.order).toMatchObject({ externalId: "A-1:refund:r1", status: "returned", total: "-0.2", refundOf: "A-1" });
    const bad: SegmentMessageInput = { type: "track", event: "Order Completed", userId: "u", properties: { order_id: 1, products: [{ product_id: "p", price: 0.1 + 0.2 }] } };
    expect(errorOf(() => normalizeSegmentMessageOrThrow(bad, at(5))).details.field).toBe("batch[5].properties.products[0].price");
    const empty: SegmentMessageInput = { type: "track", event: "Order Completed", userId: "u", properties: { order_id: 1 } };
    expect(errorOf(() => normalizeSegmentMessageOrThrow(empty, at(0))).details.field).toBe("batch[0].properties.total");
  });
});

describe("planIngestion", () => {
  it("merges a batch so each customer appears once, later values winning, and links people to groups", () => {
    const inputs: SegmentMessageInput[] = [
      { type: "track", event: "Signed Up", userId: "u1", messageId: "1", timestamp: "2026-01-02T00:00:00Z" },
      { type: "identify", userId: "u1", messageId: "2", traits: { name: "Old", email: "a@example.com", tier: 1 }, timestamp: "2026-01-03T00:00:00Z" },
      { type: "identify", userId: "u1", messageId: "3", traits: { name: "New", tier: 2, vip: true }, timestamp: "2026-01-04T00:00:00Z" },
      { type: "group", userId: "u1", groupId: "g1", messageId: "4", traits: { name: "Acme", employees: 120, plan: "enterprise" } },
      { type: "track", event: "Order Completed", anonymousId: "anon", messageId: "5", properties: { order_id: "o1", revenue: "10" } },
    ];
    const plan = planIngestion(inputs.map((m, i) => normalizeSegmentMessageOrThrow(m, at(i))));
    expect(plan.people).toHaveLength(1);
    expect(plan.people[0]).toMatchObject({ externalId: "u1", parentExternalId: "g1", field: "batch[0].userId" });
    expect(plan.people[0]?.fields).toMatchObject({ name: "New", email: "a@example.com", attributes: { tier: 2, vip: true } });
    expect(plan.people[0]?.firstSeenAt.toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(plan.organizations[0]?.fields).toMatchObject({ name: "Acme", sizeBand: "51-200", accountType: "enterprise" });
    expect(plan.events.map((e) => e.type)).toEqual(["Signed Up", "Order Completed"]);
    expect(plan.orders[0]).toMatchObject({ externalId: "o1", userExternalId: null, total: "10" });
  });
});
