import { editableCaseFields, type Case, type CaseEvent, type CaseFields, type Repositories } from "@tenure/domain";
import { AppError, newId, type RequestContext } from "@tenure/shared";
import { actorOf, caseForCaller, showCase } from "./case-access.ts";
import { caseFieldApiName, validateCaseFields } from "./validate-case-fields.ts";

export interface UpdateCaseInput {
  id: string;
  changes: Partial<Pick<CaseFields, (typeof editableCaseFields)[number]>>;
  /** The version the caller last read; a stale one is a conflict. */
  version: number;
}

/** Throws version_conflict (409) when the case moved on since the caller read `expected`. */
export function checkVersion(current: Case, expected: number): void {
  if (current.version !== expected) {
    throw new AppError("version_conflict", "conflict", `The case has changed (version ${current.version}, you sent ${expected}); read it again`, {
      field: "version",
      currentVersion: current.version,
    });
  }
}

/**
 * Change some fields of a case under optimistic concurrency. Records an
 * `updated` event naming the changed fields, and `assigned` when the owner or
 * team changed. A change of nothing writes nothing.
 */
export async function updateCase(ctx: RequestContext, deps: { repositories: Pick<Repositories, "transaction"> }, input: UpdateCaseInput, options: { now?: Date } = {}): Promise<Case> {
  return deps.repositories.transaction(async (tx) => {
    const current = await caseForCaller(ctx, tx, "cases.write", input.id, { forUpdate: true });
    checkVersion(current, input.version);
    await validateCaseFields(ctx, tx, input.changes);
    const changed = editableCaseFields.filter((f) => input.changes[f] !== undefined && input.changes[f] !== current[f]);
    if (changed.length === 0) return showCase(ctx, current);
    const updated = await tx.cases.update(ctx.workspaceId, input.id, Object.fromEntries(changed.map((f) => [f, input.changes[f]])));
    const at = options.now ?? new Date();
    const event = { workspaceId: ctx.workspaceId, caseId: input.id, actorUserId: actorOf(ctx), fromStatus: null, toStatus: null, body: null, occurredAt: at };
    const events: CaseEvent[] = [{ ...event, id: newId("caseEvent"), kind: "updated", data: { fields: changed.map((f) => caseFieldApiName[f]), version: updated.version } }];
    if (changed.includes("ownerUserId") || changed.includes("teamId")) {
      events.push({ ...event, id: newId("caseEvent"), kind: "assigned", data: { owner_user_id: updated.ownerUserId, team_id: updated.teamId, version: updated.version } });
    }
    await tx.cases.addEvents(events);
    return showCase(ctx, updated);
  });
}
