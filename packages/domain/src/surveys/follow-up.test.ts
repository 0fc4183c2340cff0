import { describe, expect, it } from "vitest";
import { followUpReason } from "./follow-up.ts";

const none = { nps: null, csat: null, ces: null, acsiOverall: null, acsiExpectations: null, acsiIdeal: null };

describe("followUpReason", () => {
  it("opens a follow-up for a detractor, CSAT ≤ 2 or CES ≤ 3, and not at the thresholds' other side", () => {
    expect([6, 7].map((nps) => followUpReason({ ...none, nps }))).toEqual(["detractor", null]);
    expect([2, 3].map((csat) => followUpReason({ ...none, csat }))).toEqual(["low_csat", null]);
    expect([3, 4].map((ces) => followUpReason({ ...none, ces }))).toEqual(["high_effort", null]);
    expect(followUpReason({ ...none, nps: 0, csat: 1, ces: 1 })).toBe("detractor");
    expect(followUpReason({ ...none, csat: 2, ces: 1 })).toBe("low_csat");
    expect(followUpReason(none)).toBeNull();
  });
});
