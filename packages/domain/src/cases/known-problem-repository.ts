import type { WeeklySeries } from "./known-problem-rising.ts";
import type { KnownProblem, KnownProblemFixStatus } from "./known-problem.ts";

/** Known problems, their links to cases, and weekly complaint counts. */
export interface KnownProblemRepository {
  list(workspaceId: string, query: { fixStatus: KnownProblemFixStatus | null; productId: string | null; limit: number }): Promise<KnownProblem[]>;
  find(workspaceId: string, id: string, options?: { forUpdate?: boolean }): Promise<KnownProblem | null>;
  save(problem: KnownProblem): Promise<void>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  productExists(workspaceId: string, productId: string): Promise<boolean>;
  /** Set (or clear, with null) cases.known_problem_id; false when the case does not exist. */
  linkCase(workspaceId: string, caseId: string, knownProblemId: string | null): Promise<boolean>;
  /**
   * Cases opened per ISO week (Monday 00:00 UTC) for each category and each
   * product, over `weeks` whole weeks ending with the week containing `asOf`;
   * keys with no case in the tested week are left out.
   */
  weeklyCounts(workspaceId: string, asOf: Date, weeks: number): Promise<WeeklySeries[]>;
}
