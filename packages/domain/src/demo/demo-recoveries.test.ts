import { describe, expect, it } from "vitest";
import { demoFailureCases, planDemoRecoveries, type DemoFailureCase } from "./demo-recoveries.ts";

const cases: DemoFailureCase[] = ["ja-JP", "zh", "ru", "en-US", "de", "ja", "zh-CN", "ru-RU", "en"].map((locale, i) => ({
  caseId: `case_${String(i).padStart(2, "0")}`,
  customerLocale: locale,
  openedAt: new Date(Date.UTC(2026, 8, 1 + i)),
  subject: ["Order arrived late", "Charged twice for one order", "Machine stopped heating"][i % 3] ?? "",
}));

describe("planDemoRecoveries", () => {
  it("plans at most eight recoveries in the customers' languages, covering every stage, deterministically", () => {
    const plans = planDemoRecoveries(cases);
    expect(plans).toHaveLength(8);
    expect(plans.map((p) => p.locale)).toEqual(["ja", "zh", "ru", "en", "en", "ja", "zh", "ru"]);
    expect(new Set(plans.map((p) => p.stage))).toEqual(new Set(["drafted", "approved", "sent", "followed_up"]));
    expect(planDemoRecoveries([...cases].reverse())).toEqual(plans);
  });

  it("writes the facts in the letter's language and keeps the steps in order", () => {
    const [ja, zh, ru] = planDemoRecoveries(cases);
    expect(ja?.rootCause).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    // the story follows the case: late delivery, double charge, faulty heater
    expect(ja?.whatWentWrong).toContain("お約束の日から");
    expect(zh?.whatWentWrong).toContain("重复扣款");
    expect(ru?.whatWentWrong).toContain("перестала нагревать");
    for (const p of planDemoRecoveries(cases)) {
      const times = [p.startedAt, p.draftedAt, p.approvedAt, p.sentAt, p.followUpAt].map((d) => d.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
  });

  it("picks the demo's failure cases that a story fits and whose customer can be mailed", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const row = (id: string, subject: string, isCompanyFailure: boolean, customerId: string) => ({ id, subject, isCompanyFailure, customerId, openedAt: at });
    const dataset = {
      customers: [
        { id: "cus_1", email: "a@example.jp", locale: "ja" },
        { id: "cus_2", email: null, locale: "en" },
      ],
      cases: { cases: [row("case_a", "Order arrived late", true, "cus_1"), row("case_b", "Order arrived late", false, "cus_1"), row("case_c", "Leak from the water tank", true, "cus_1"), row("case_d", "Machine stopped heating", true, "cus_2")] },
    } as unknown as Parameters<typeof demoFailureCases>[0];
    expect(demoFailureCases(dataset)).toEqual([{ caseId: "case_a", customerLocale: "ja", openedAt: at, subject: "Order arrived late" }]);
  });
});
