import { describe, expect, it } from "vitest";
import { validateHandoffBrief } from "../cases/handoff.ts";
import { validateSlaPolicy } from "../cases/sla-policy.ts";
import { planDemoHandoffs } from "./demo-handoffs.ts";
import { defaultDemoOptions, generateDemoWorkspace } from "./generate-demo-workspace.ts";
import { generateDemoCases } from "./demo-cases.ts";

describe("planDemoHandoffs", () => {
  const dataset = generateDemoWorkspace({ ...defaultDemoOptions, customers: 1000 });
  const cases = generateDemoCases({ seed: 7, start: new Date("2024-11-01T00:00:00Z"), today: new Date("2026-11-01T00:00:00Z"), customers: dataset.customers, users: dataset.users, products: dataset.products, droppedOutAt: new Map() });
  const plan = planDemoHandoffs({ cases, users: dataset.users });

  it("is the same plan for the same cases", () => {
    expect(planDemoHandoffs({ cases, users: dataset.users })).toEqual(plan);
  });

  it("hands open cases between the two staff with complete briefs, the newest two still waiting", () => {
    expect(plan.handoffs.length).toBeGreaterThanOrEqual(3);
    for (const h of plan.handoffs) {
      expect(validateHandoffBrief(h.brief)).toEqual([]);
      expect(h.toUserId).not.toBe(h.fromUserId);
      const c = cases.cases.find((x) => x.id === h.caseId);
      expect(["open", "pending_customer", "on_hold"]).toContain(c?.status);
    }
    expect(plan.handoffs.filter((h) => h.acceptedAt === null)).toHaveLength(2);
  });

  it("links known problems only to defect cases of their product, with valid SLA policies", () => {
    expect(plan.knownProblems.length).toBeGreaterThan(0);
    for (const p of plan.knownProblems) {
      for (const id of p.caseIds) expect(cases.cases.find((c) => c.id === id)).toMatchObject({ category: "product_defect", productId: p.productId });
    }
    expect(plan.policies.flatMap(validateSlaPolicy)).toEqual([]);
  });
});
