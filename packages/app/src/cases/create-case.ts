import type { Case, CaseFields, Repositories } from "@tenure/domain";
import { buildCase } from "./build-case.ts";
import { AppError, newId, type RequestContext } from "@tenure/shared";
import { customerNotFound } from "../customers/customer-not-found.ts";
import { actorUserId, authorize, customerScopeOf, isInScope } from "../security/authorize.ts";
import { actorOf, showCase } from "./case-access.ts";
import { caseTimelineEvent } from "./case-timeline-event.ts";
import { validateCaseFields } from "./validate-case-fields.ts";

export type CreateCaseInput = Partial<CaseFields> & Pick<CaseFields, "customerId" | "subject"> & { openedAt?: Date | undefined };

/**
 * Open a case (status new) with its `created` event and a `case.opened`
 * event on the customer's timeline, in one transaction. Idempotent by
 * external id: a second create with the same external_id returns the first
 * case (created: false) and writes nothing. An agent may open a case for a
 * customer it does not support yet only as the case's owner.
 */
export async function createCase(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction"> },
  input: CreateCaseInput,
  options: { source?: string; now?: Date } = {},
): Promise<{ case: Case; created: boolean }> {
  authorize(ctx, "cases.write");
  const now = options.now ?? new Date();
  return deps.repositories.transaction(async (tx) => {
    if (input.externalId) {
      const existing = await tx.cases.findByExternalId(ctx.workspaceId, input.externalId);
      if (existing && existing.customerId === input.customerId) return { case: showCase(ctx, existing), created: false };
      if (existing) throw new AppError("case_exists", "conflict", `A case of another customer already has external_id "${input.externalId}"`, { field: "external_id", existingId: existing.id });
    }
    const customer = await tx.customers.findById(ctx.workspaceId, input.customerId);
    if (!customer) throw customerNotFound(input.customerId);
    let ownerUserId = input.ownerUserId ?? null;
    const scope = customerScopeOf(ctx);
    if (!(await isInScope(ctx, { repositories: tx }, customer))) {
      if (scope.kind !== "supported") throw customerNotFound(input.customerId);
      if (ownerUserId !== null && ownerUserId !== scope.userId) {
        throw new AppError("permission_denied", "forbidden", "An agent may open a case for a customer it does not support only as its owner", { field: "owner_user_id" });
      }
      ownerUserId = actorUserId(ctx);
    }
    await validateCaseFields(ctx, tx, { ...input, ownerUserId });
    const row = buildCase(
      ctx.workspaceId,
      {
        externalId: input.externalId ?? null,
        customerId: input.customerId,
        contactId: input.contactId ?? null,
        subject: input.subject.trim(),
        description: input.description ?? null,
        channel: input.channel ?? "email",
        category: input.category ?? null,
        productId: input.productId ?? null,
        priority: input.priority ?? "normal",
        ownerUserId,
        teamId: input.teamId ?? null,
        openedAt: input.openedAt ?? now,
      },
      now,
    );
    const result = await tx.cases.insert(row);
    if ("existingId" in result) {
      const existing = await tx.cases.findById(ctx.workspaceId, result.existingId);
      if (!existing) throw new AppError("case_exists", "conflict", `A case with external_id "${row.externalId}" already exists`, { field: "external_id" });
      return { case: showCase(ctx, existing), created: false };
    }
    await tx.cases.addEvents([
      { workspaceId: ctx.workspaceId, id: newId("caseEvent"), caseId: row.id, kind: "created", fromStatus: null, toStatus: "new", actorUserId: actorOf(ctx), body: null, data: { source: options.source ?? "api" }, occurredAt: row.openedAt },
    ]);
    await tx.customers.addEvent(caseTimelineEvent(ctx, result.created, "case.opened", row.openedAt, options.source ?? "api"));
    return { case: showCase(ctx, result.created), created: true };
  });
}

