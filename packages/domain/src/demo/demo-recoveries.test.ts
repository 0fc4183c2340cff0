import { describe, expect, it } from "vitest";
import { planDemoRecoveries, type DemoFailureCase } from "./demo-recoveries.ts";

const cases: DemoFailureCase[] = ["ja-JP", "zh", "ru", "en-US", "de", "ja", "zh-CN", "ru-RU", "en"].map((locale, i) => ({
  caseId: `case_${String(i).padStart(2, "0")}`,
  customerLocale: locale,
  openedAt: new Date(Date.UTC(2026, 8, 1 + i)),
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
    const [ja] = planDemoRecoveries(cases);
    expect(ja?.rootCause).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    for (const p of planDemoRecoveries(cases)) {
      const times = [p.startedAt, p.draftedAt, p.approvedAt, p.sentAt, p.followUpAt].map((d) => d.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
  });
});
