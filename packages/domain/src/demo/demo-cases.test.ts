import { describe, expect, it } from "vitest";
import { canTransition } from "../cases/case-status.ts";
import { defaultDemoOptions, generateDemoWorkspace } from "./generate-demo-workspace.ts";

describe("demo cases", () => {
  const demo = generateDemoWorkspace(defaultDemoOptions);
  const { cases, caseEvents } = demo.cases;

  it("has about 1,500 cases over two years, some reopened, a few the company's failure", () => {
    expect(cases.length).toBeGreaterThan(1200);
    expect(cases.length).toBeLessThan(1800);
    const reopened = cases.filter((c) => c.reopenCount > 0).length;
    const failures = cases.filter((c) => c.isCompanyFailure).length;
    expect(reopened).toBeGreaterThan(30);
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(cases.length * 0.1);
    expect(new Set(cases.map((c) => c.externalId)).size).toBe(cases.length);
  });

  it("gives customers who later drop out more cases per customer than those who stay", () => {
    const active = new Set(demo.orders.filter((o) => o.orderedAt > new Date("2026-05-01T00:00:00Z")).map((o) => o.customerId));
    const buyers = new Set(demo.orders.map((o) => o.customerId));
    const perCustomer = (ids: Set<string>) => cases.filter((c) => ids.has(c.customerId)).length / ids.size;
    const lapsed = new Set([...buyers].filter((id) => !active.has(id)));
    expect(perCustomer(lapsed)).toBeGreaterThan(perCustomer(active));
  });

  it("writes a status history the life cycle allows, ending at each case's status", () => {
    const byCase = new Map<string, typeof caseEvents>();
    for (const e of caseEvents) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const c of cases) {
      const moves = (byCase.get(c.id) ?? []).filter((e) => e.kind === "status_changed");
      let status = "new" as (typeof c)["status"];
      for (const m of moves) {
        expect(m.fromStatus).toBe(status);
        expect(canTransition(status, m.toStatus!)).toBe(true);
        status = m.toStatus!;
      }
      expect(status).toBe(c.status);
    }
  });

  it("is the same for the same seed", () => {
    expect(generateDemoWorkspace(defaultDemoOptions).cases.cases.slice(0, 5)).toEqual(cases.slice(0, 5));
  });
});
