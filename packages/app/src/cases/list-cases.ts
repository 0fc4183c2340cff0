import { caseSearchOrder, caseSortFields, casePriorities, caseStatuses, encodePageCursor, type Case, type CasePriority, type CaseSort, type CaseStatus, type Repositories } from "@tenure/domain";
import { invalidInput, type RequestContext } from "@tenure/shared";
import { checkLimit } from "../customers/check-limit.ts";
import { decodeCursorOrThrow } from "../customers/decode-cursor-or-throw.ts";
import { authorize, customerScopeOf } from "../security/authorize.ts";
import { showCase } from "./case-access.ts";

export interface ListCasesInput {
  statuses?: readonly CaseStatus[] | undefined;
  priorities?: readonly CasePriority[] | undefined;
  ownerUserId?: string | undefined;
  teamId?: string | undefined;
  category?: string | undefined;
  productId?: string | undefined;
  customerId?: string | undefined;
  knownProblemId?: string | undefined;
  q?: string | undefined;
  sort?: CaseSort | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface CaseList {
  items: Case[];
  total: number;
  nextCursor: string | null;
}

/**
 * The case queue: filters are ANDed, within the caller's rows; sorted by
 * priority then age (default) or by age; keyset pages with an opaque cursor
 * and the total count of matches.
 */
export async function listCases(ctx: RequestContext, deps: { repositories: Pick<Repositories, "cases"> }, input: ListCasesInput): Promise<CaseList> {
  authorize(ctx, "cases.read");
  const sort = input.sort ?? "priority";
  if (!caseSortFields.includes(sort)) throw invalidInput("sort", `sort must be one of ${caseSortFields.join(", ")}`);
  for (const s of input.statuses ?? []) if (!caseStatuses.includes(s)) throw invalidInput("status", `status must be among ${caseStatuses.join(", ")}`);
  for (const p of input.priorities ?? []) if (!casePriorities.includes(p)) throw invalidInput("priority", `priority must be among ${casePriorities.join(", ")}`);
  const q = input.q?.trim();
  const page = await deps.repositories.cases.search(ctx.workspaceId, {
    statuses: input.statuses ?? [],
    priorities: input.priorities ?? [],
    ownerUserId: input.ownerUserId ?? null,
    teamId: input.teamId ?? null,
    category: input.category ?? null,
    productId: input.productId ?? null,
    customerId: input.customerId ?? null,
    knownProblemId: input.knownProblemId ?? null,
    q: q ? q : null,
    sort,
    after: decodeCursorOrThrow(input.cursor, caseSearchOrder(sort)),
    limit: checkLimit(input.limit),
    scope: customerScopeOf(ctx),
  });
  return { items: page.items.map((c) => showCase(ctx, c)), total: page.total, nextCursor: page.next ? encodePageCursor(page.next) : null };
}
