import { describe, expect, it } from "vitest";
import { bgNbd } from "@tenure/analytics";
import { periodOf, valueHistory } from "./value-history.ts";

// CDNOW BG/NBD estimates (Fader, Hardie & Lee 2005) with alpha in days.
const params = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
const at = (iso: string) => new Date(iso);

describe("valueHistory", () => {
  it("counts weeks from Mondays and days from midnight UTC", () => {
    expect(periodOf(at("1970-01-05T00:00:00Z"), "week")).toBe(1); // the first Monday
    expect(periodOf(at("1970-01-04T23:59:59Z"), "week")).toBe(0);
    expect(periodOf(at("1970-01-02T12:00:00Z"), "day")).toBe(1);
  });

  it("follows purchases month by month: P(alive) drops in silence and the forecast grows", () => {
    const history = valueHistory([at("2025-01-10T10:00:00Z"), at("2025-02-03T10:00:00Z"), at("2025-02-20T10:00:00Z")], bgNbd, params, "day", at("2025-08-31T00:00:00Z"));
    expect(history?.points.map((p) => [p.month, p.purchases, p.repeatPurchases])).toEqual([
      ["2025-01", 1, 0],
      ["2025-02", 2, 2],
      ["2025-03", 0, 2],
      ["2025-04", 0, 2],
      ["2025-05", 0, 2],
      ["2025-06", 0, 2],
      ["2025-07", 0, 2],
      ["2025-08", 0, 2],
    ]);
    const alive = history?.points.slice(1).map((p) => p.pAlive) ?? [];
    for (let i = 1; i < alive.length; i++) expect(alive[i]).toBeLessThan(alive[i - 1] as number);
    expect(history?.points[0]?.pAlive).toBe(1); // no repeat purchase yet: BG/NBD says alive
    const forecast = history?.forecast.map((f) => f.expectedRepeatPurchases) ?? [];
    expect(forecast).toHaveLength(12);
    expect(forecast[0]).toBeGreaterThan(2);
    for (let i = 1; i < forecast.length; i++) expect(forecast[i]).toBeGreaterThan(forecast[i - 1] as number);
    expect(history?.forecast[0]?.month).toBe("2025-09");
  });

  it("shows at most the last 60 months, still counting older purchases", () => {
    const history = valueHistory([at("2015-01-10T00:00:00Z"), at("2015-06-10T00:00:00Z")], bgNbd, params, "week", at("2025-12-31T00:00:00Z"));
    expect(history?.points).toHaveLength(60);
    expect(history?.points[0]).toMatchObject({ month: "2021-01", purchases: 0, repeatPurchases: 1 });
  });

  it("has nothing to show without purchases", () => {
    expect(valueHistory([], bgNbd, params, "day", at("2025-01-01T00:00:00Z"))).toBeNull();
  });
});
