import type { CaseChanges, CaseEvent, Repositories } from "@tenure/domain";
import { invalidInput, newId, type RequestContext } from "@tenure/shared";
import { actorOf, caseForCaller, showCaseEvent } from "./case-access.ts";

/** comment: internal note; response: the agent's answer to the customer; customer_update: the customer wrote. */
export const caseCommentKinds = ["comment", "response", "customer_update"] as const;
export type CaseCommentKind = (typeof caseCommentKinds)[number];

export interface AddCaseCommentInput {
  id: string;
  kind: CaseCommentKind;
  body: string;
}

/**
 * Add a note, an agent response or a customer update to a case. The first
 * response sets first_response_at; a customer update sets
 * last_customer_update_at. A closed case takes no more comments.
 */
export async function addCaseComment(ctx: RequestContext, deps: { repositories: Pick<Repositories, "transaction"> }, input: AddCaseCommentInput, options: { now?: Date } = {}): Promise<CaseEvent> {
  const body = input.body.trim();
  if (!body) throw invalidInput("body", "body must not be empty");
  if (body.length > 20_000) throw invalidInput("body", "body must be at most 20000 characters");
  const at = options.now ?? new Date();
  return deps.repositories.transaction(async (tx) => {
    const current = await caseForCaller(ctx, tx, "cases.write", input.id, { forUpdate: true });
    if (current.status === "closed") throw invalidInput("id", "The case is closed; open a new case instead");
    const changes: CaseChanges = {};
    if (input.kind === "response" && current.firstResponseAt === null) changes.firstResponseAt = at;
    if (input.kind === "customer_update") changes.lastCustomerUpdateAt = at;
    if (Object.keys(changes).length > 0) await tx.cases.update(ctx.workspaceId, input.id, changes);
    const event: CaseEvent = {
      workspaceId: ctx.workspaceId,
      id: newId("caseEvent"),
      caseId: input.id,
      kind: input.kind,
      fromStatus: null,
      toStatus: null,
      actorUserId: actorOf(ctx),
      body,
      data: changes.firstResponseAt ? { first_response: true } : {},
      occurredAt: at,
    };
    await tx.cases.addEvents([event]);
    return showCaseEvent(ctx, event);
  });
}
