import { describe, expect, it } from "vitest";
import { AppError } from "@tenure/shared";
import { canTransition, planStatusChange } from "./case-status.ts";
import { caseStatuses } from "./case.ts";

const at = new Date("2026-03-01T10:00:00Z");

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("case life cycle", () => {
  it("follows new → open → pending_customer / on_hold → open → resolved → closed", () => {
    const path = ["new", "open", "pending_customer", "open", "on_hold", "open", "resolved", "closed"] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it("refuses a transition the life cycle does not allow, naming from and to", () => {
    const error = refusal(() => planStatusChange({ status: "open", reopenCount: 0 }, "closed", at, null));
    expect(error.code).toBe("invalid_transition");
    expect(error.category).toBe("conflict");
    expect(error.details).toMatchObject({ from: "open", to: "closed" });
    expect(error.message).toContain("open");
    expect(error.message).toContain("closed");
  });

  it("treats closed as final and a status to itself as no transition", () => {
    for (const to of caseStatuses) expect(canTransition("closed", to)).toBe(false);
    for (const s of caseStatuses) expect(canTransition(s, s)).toBe(false);
    expect(refusal(() => planStatusChange({ status: "closed", reopenCount: 0 }, "open", at, null)).message).toContain("final");
  });

  it("needs a resolution note to resolve", () => {
    const error = refusal(() => planStatusChange({ status: "open", reopenCount: 0 }, "resolved", at, "   "));
    expect(error.details.field).toBe("resolution_note");
    expect(planStatusChange({ status: "open", reopenCount: 0 }, "resolved", at, " Replaced the router ")).toEqual({
      status: "resolved",
      resolvedAt: at,
      resolutionNote: "Replaced the router",
      reopened: false,
    });
  });

  it("counts resolved → open as a reopen and clears the resolution time", () => {
    expect(planStatusChange({ status: "resolved", reopenCount: 2 }, "open", at, null)).toEqual({ status: "open", resolvedAt: null, reopenCount: 3, reopened: true });
    expect(planStatusChange({ status: "on_hold", reopenCount: 2 }, "open", at, null)).toEqual({ status: "open", reopened: false });
  });

  it("stamps the close time", () => {
    expect(planStatusChange({ status: "resolved", reopenCount: 0 }, "closed", at, null)).toEqual({ status: "closed", closedAt: at, reopened: false });
  });
});
