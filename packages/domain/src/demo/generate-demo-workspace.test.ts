import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { multiplyMoney, sumMoney } from "@tenure/shared";
import { demoCountries } from "./demo-countries.ts";
import type { DemoDataset } from "./demo-dataset.ts";
import { defaultDemoOptions, generateDemoWorkspace } from "./generate-demo-workspace.ts";

function fingerprint(dataset: DemoDataset): string {
  return createHash("sha256").update(JSON.stringify(dataset)).digest("hex");
}

describe("generateDemoWorkspace", () => {
  it("gives the same rows, ids included, for the same seed and different rows for another seed", () => {
    const small = { ...defaultDemoOptions, customers: 200 };
    const first = generateDemoWorkspace(small);
    expect(fingerprint(generateDemoWorkspace(small))).toBe(fingerprint(first));
    expect(fingerprint(generateDemoWorkspace({ ...small, seed: small.seed + 1 }))).not.toBe(fingerprint(first));
    expect(first.customers).toHaveLength(200);
  });

  describe("at full size", () => {
    const d = generateDemoWorkspace(defaultDemoOptions);
    const today = defaultDemoOptions.today;
    const twoYearsAgo = new Date("2024-11-01T00:00:00Z");

    it("has the documented shape: ~600 accounts, ~4,400 people, ~60 products, staff of every role", () => {
      const orgs = d.customers.filter((c) => c.kind === "organization");
      expect(d.workspace).toMatchObject({ slug: "demo", name: "Demo Co" });
      expect(d.customers).toHaveLength(5000);
      expect(orgs.length).toBeGreaterThanOrEqual(550);
      expect(orgs.length).toBeLessThanOrEqual(650);
      expect(d.products.length).toBeGreaterThanOrEqual(50);
      expect(d.products.some((p) => p.isService && /Maintenance contract/.test(p.name))).toBe(true);
      const roles = d.users.map((u) => u.role);
      expect(roles.filter((r) => r === "rep").length).toBeGreaterThanOrEqual(4);
      expect(roles.filter((r) => r === "rep").length).toBeLessThanOrEqual(6);
      for (const role of ["manager", "analyst", "agent", "admin"] as const) expect(roles).toContain(role);
      expect(d.orders.length).toBeGreaterThan(10_000);
      expect(d.orders.length).toBeLessThan(40_000);
      expect(d.contracts.length).toBeGreaterThan(300);
      expect(new Set(d.customers.map((c) => c.email)).size).toBe(5000);
    });

    it("gives every B2B account an owning rep and 1–4 contacts with one primary", () => {
      const reps = new Set(d.users.filter((u) => u.role === "rep").map((u) => u.id));
      const contactsOf = new Map<string, number>();
      const primaries = new Map<string, number>();
      for (const c of d.contacts) {
        contactsOf.set(c.customerId, (contactsOf.get(c.customerId) ?? 0) + 1);
        if (c.isPrimary) primaries.set(c.customerId, (primaries.get(c.customerId) ?? 0) + 1);
      }
      for (const org of d.customers.filter((c) => c.kind === "organization")) {
        expect(reps.has(org.ownerUserId ?? "")).toBe(true);
        expect(org.industry && org.sizeBand && org.accountType).toBeTruthy();
        expect(contactsOf.get(org.id)).toBeGreaterThanOrEqual(1);
        expect(contactsOf.get(org.id)).toBeLessThanOrEqual(4);
        expect(primaries.get(org.id)).toBe(1);
      }
    });

    it("gives people a time zone and locale of their country, and names in their own script", () => {
      const byCode = new Map(demoCountries.map((c) => [c.code, c]));
      for (const c of d.customers) {
        const country = byCode.get(c.country);
        expect(country?.timeZones.map(([zone]) => zone)).toContain(c.timeZone);
        expect(c.locale).toBe(country?.locale);
      }
      const japanese = d.customers.find((c) => c.kind === "person" && c.locale === "ja");
      const russian = d.customers.find((c) => c.kind === "person" && c.locale === "ru");
      expect(japanese?.name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(russian?.name).toMatch(/[А-Яа-яЁё]/);
      expect(new Set(d.customers.map((c) => c.locale))).toEqual(new Set(["en", "de", "fr", "es", "pt", "ja", "zh", "ru"]));
    });

    it("makes every line amount exactly quantity × unit price and every order total their sum", () => {
      const linesOf = new Map<string, string[]>();
      const wrongLines = d.orderLines.filter((line) => line.amount !== multiplyMoney(line.quantity, line.unitPrice));
      for (const line of d.orderLines) {
        const amounts = linesOf.get(line.orderId);
        if (amounts) amounts.push(line.amount);
        else linesOf.set(line.orderId, [line.amount]);
      }
      const wrongOrders = d.orders.filter((o) => o.total !== sumMoney(linesOf.get(o.id) ?? []) || o.lineCount < 1 || o.lineCount > 5 || o.lineCount !== linesOf.get(o.id)?.length);
      expect(wrongLines).toEqual([]);
      expect(wrongOrders).toEqual([]);
    });

    it("keeps two years of orders before the fixed demo today, with some returns and cancellations as negative lines", () => {
      for (const order of d.orders) {
        expect(order.orderedAt.getTime()).toBeGreaterThanOrEqual(twoYearsAgo.getTime());
        expect(order.orderedAt.getTime()).toBeLessThan(today.getTime());
      }
      const reversals = d.orders.filter((o) => o.status !== "completed");
      expect(reversals.length / d.orders.length).toBeGreaterThan(0.02);
      expect(reversals.length / d.orders.length).toBeLessThan(0.1);
      for (const o of reversals) expect(o.total.startsWith("-")).toBe(true);
    });

    it("bills B2B orders: mostly paid, some late, some disputed, some overdue; events tell the story", () => {
      const statuses = new Set(d.invoices.map((i) => i.status));
      expect(statuses).toEqual(new Set(["paid", "open", "disputed"]));
      expect(d.invoices.filter((i) => i.paidOn !== null && i.paidOn > i.dueOn).length).toBeGreaterThan(50);
      const paid = new Set(d.invoices.filter((i) => i.status === "paid").map((i) => i.id));
      expect(d.payments.every((p) => paid.has(p.invoiceId))).toBe(true);
      const types = new Set(d.events.map((e) => e.type));
      for (const t of ["customer.created", "order.completed", "invoice.paid", "invoice.overdue", "invoice.disputed", "contract.renewal_due"]) expect(types).toContain(t);
      expect(d.contracts.some((c) => Number(c.discountPercent) > 0)).toBe(true);
      expect(d.contracts.some((c) => c.promotionEndsOn !== null)).toBe(true);
    });
  });
});
