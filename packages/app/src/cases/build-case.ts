import type { Case } from "@tenure/domain";
import { newId } from "@tenure/shared";

export type CaseDraft = Partial<Omit<Case, "workspaceId" | "id">> & Pick<Case, "customerId" | "subject" | "openedAt">;

/** A full case row from the fields given, the rest at their defaults (status new, priority normal, version 1). */
export function buildCase(workspaceId: string, draft: CaseDraft, now: Date): Case {
  return {
    workspaceId,
    id: newId("case"),
    externalId: null,
    contactId: null,
    description: null,
    channel: "email",
    category: null,
    productId: null,
    priority: "normal",
    status: "new",
    ownerUserId: null,
    teamId: null,
    knownProblemId: null,
    isCompanyFailure: false,
    resolutionNote: null,
    version: 1,
    firstResponseAt: null,
    lastCustomerUpdateAt: draft.openedAt,
    resolvedAt: null,
    closedAt: null,
    reopenCount: 0,
    handoffCount: 0,
    createdAt: now,
    updatedAt: now,
    ...draft,
  };
}
