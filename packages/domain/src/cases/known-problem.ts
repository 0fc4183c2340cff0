export const knownProblemFixStatuses = ["open", "investigating", "fix_planned", "fixed"] as const;
export type KnownProblemFixStatus = (typeof knownProblemFixStatuses)[number];

/** A product problem the company knows of, with its workaround and how far the fix is. */
export interface KnownProblem {
  workspaceId: string;
  id: string;
  productId: string | null;
  title: string;
  description: string;
  workaround: string | null;
  fixStatus: KnownProblemFixStatus;
  /** Set when the fix status becomes `fixed`, cleared when it leaves it. */
  fixedAt: Date | null;
  /** Cases linked to it (cases.known_problem_id). */
  caseCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * `fixedAt` after a fix-status change: kept while fixed, set to `now` on
 * becoming fixed, cleared otherwise.
 */
export function nextFixedAt(previous: Pick<KnownProblem, "fixStatus" | "fixedAt"> | null, status: KnownProblemFixStatus, now: Date): Date | null {
  if (status !== "fixed") return null;
  return previous?.fixStatus === "fixed" ? previous.fixedAt : now;
}
