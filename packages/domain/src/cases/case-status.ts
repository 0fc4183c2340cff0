import { AppError } from "@tenure/shared";
import type { Case, CaseStatus } from "./case.ts";

/**
 * The case life cycle: new → open → pending_customer / on_hold → open →
 * resolved → closed. resolved → open is a reopen (counted); closed is final.
 */
export const caseTransitions: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ["open", "pending_customer", "on_hold", "resolved"],
  open: ["pending_customer", "on_hold", "resolved"],
  pending_customer: ["open", "on_hold", "resolved"],
  on_hold: ["open", "pending_customer", "resolved"],
  resolved: ["open", "closed"],
  closed: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return caseTransitions[from].includes(to);
}

/** The columns a status change sets. */
export interface StatusChange {
  status: CaseStatus;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  resolutionNote?: string;
  reopenCount?: number;
  /** True when this change reopens a resolved case. */
  reopened: boolean;
}

/**
 * The change from the case's status to `to` at `at`; throws
 * invalid_transition (conflict, naming from and to) when the life cycle does
 * not allow it, and invalid_input (field resolution_note) when resolving
 * without a note.
 */
export function planStatusChange(current: Pick<Case, "status" | "reopenCount">, to: CaseStatus, at: Date, resolutionNote: string | null): StatusChange {
  const from = current.status;
  if (!canTransition(from, to)) {
    const allowed = caseTransitions[from];
    throw new AppError(
      "invalid_transition",
      "conflict",
      `A ${from} case cannot become ${to}` + (allowed.length ? ` (allowed: ${allowed.join(", ")})` : ` (${from} is final)`),
      { field: "status", from, to },
    );
  }
  if (to === "resolved") {
    const note = resolutionNote?.trim() ?? "";
    if (!note) throw new AppError("invalid_input", "invalid_input", "Resolving a case needs a resolution note", { field: "resolution_note", from, to });
    return { status: to, resolvedAt: at, resolutionNote: note, reopened: false };
  }
  if (to === "closed") return { status: to, closedAt: at, reopened: false };
  if (from === "resolved") return { status: to, resolvedAt: null, reopenCount: current.reopenCount + 1, reopened: true };
  return { status: to, reopened: false };
}
