import { describe, expect, it } from "vitest";
import { validateHandoffBrief } from "./handoff.ts";
import { rankSpecialists, type ResponsibilityEntry } from "./responsibility-map.ts";

describe("validateHandoffBrief", () => {
  it("requires every field and names each one missing", () => {
    expect(validateHandoffBrief({ problem: "  ", tried: undefined }).map((e) => e.field)).toEqual(["problem", "tried", "customerMood", "promised"]);
  });

  it("wants the problem as one paragraph of some substance", () => {
    const rest = { tried: "Reset the password", customerMood: "annoyed", promised: "a call back today" };
    expect(validateHandoffBrief({ ...rest, problem: "Login fails." }).map((e) => e.message)).toEqual(["The problem is too short: at least 20 characters."]);
    expect(validateHandoffBrief({ ...rest, problem: "Login fails after the update.\n\nAlso billing." })[0]?.field).toBe("problem");
    expect(validateHandoffBrief({ ...rest, problem: "Login fails after the 2.3 update on every device." })).toEqual([]);
  });
});

describe("rankSpecialists", () => {
  const entry = (userId: string, overrides: Partial<ResponsibilityEntry>): ResponsibilityEntry => ({
    workspaceId: "ws_1",
    id: `rsp_${userId}`,
    userId,
    teamId: null,
    skills: [],
    productIds: [],
    languages: [],
    lead: false,
    maxOpenCases: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  });
  const entries = [
    entry("usr_owner", { productIds: ["prd_1"] }),
    entry("usr_product", { productIds: ["prd_1"] }),
    entry("usr_busy_product", { productIds: ["prd_1"] }),
    entry("usr_skill_lang", { skills: ["Billing"], languages: ["ja"] }),
    entry("usr_full", { productIds: ["prd_1"], skills: ["billing"], maxOpenCases: 2 }),
    entry("usr_nothing", { languages: ["de"] }),
  ];
  const need = { category: "billing", productId: "prd_1", language: "ja-JP", teamId: null, currentOwnerUserId: "usr_owner" };

  it("ranks by match weight, then by load, leaving out the owner, the full and the unmatched", () => {
    const load = new Map([["usr_busy_product", 5], ["usr_product", 1], ["usr_full", 2]]);
    expect(rankSpecialists(entries, need, load).map((p) => [p.userId, p.score, p.matched.join("+")])).toEqual([
      ["usr_skill_lang", 5, "skill+language"],
      ["usr_product", 4, "product"],
      ["usr_busy_product", 4, "product"],
    ]);
  });
});
