import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerProfileJson } from "@tenure/api-schemas";
import { testEngines } from "@tenure/storage";
import { openTestApi, type TestApi, type TestWorkspace } from "../../testing/open-test-api.ts";

describe.each(testEngines())("a customer's revenue per currency, on %s", (engine) => {
  let api: TestApi;
  let ws: TestWorkspace;

  beforeAll(async () => {
    api = await openTestApi(engine);
    ws = await api.createWorkspace();
  });
  afterAll(async () => {
    await api.close();
  });

  const orders = async (id: string) => (await api.call(ws, "GET", `/api/customers/${id}`)).json<CustomerProfileJson>().orders;

  it("never adds amounts in different currencies: revenue is in the main currency, every currency listed", async () => {
    const customer = await api.createCustomer(ws, { kind: "organization", name: "Two Currencies Ltd" });
    await api.addOrders(ws, customer.id, [
      { ordered_at: "2026-01-05T10:00:00Z", total: "100.1000", currency: "GBP" },
      { ordered_at: "2026-02-05T10:00:00Z", total: "50.0000", currency: "GBP" },
      { ordered_at: "2026-02-06T10:00:00Z", total: "20.0000", currency: "GBP", status: "returned" },
      { ordered_at: "2025-12-01T10:00:00Z", total: "999.9900", currency: "USD" },
    ]);
    expect(await orders(customer.id)).toEqual({
      order_count: 3,
      first_order_at: "2025-12-01T10:00:00.000Z",
      last_order_at: "2026-02-05T10:00:00.000Z",
      currency: "GBP",
      revenue: "130.1",
      revenue_by_currency: [
        { currency: "GBP", revenue: "130.1" },
        { currency: "USD", revenue: "999.99" },
      ],
    });
  });

  it("has no currency and zero revenue without orders", async () => {
    const customer = await api.createCustomer(ws, { kind: "person", name: "New Person" });
    expect(await orders(customer.id)).toEqual({ order_count: 0, first_order_at: null, last_order_at: null, currency: null, revenue: "0", revenue_by_currency: [] });
  });
});
