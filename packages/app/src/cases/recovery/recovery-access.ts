import type { CaseRecovery, Customer, Permission, RecoveryCase, RecoveryStep, RecoveryStepRecord, Repositories } from "@tenure/domain";
import { AppError, notFound, type RequestContext } from "@tenure/shared";
import { actorUserId } from "../../security/authorize.ts";
import { caseForCaller, caseNotFound } from "../case-access.ts";

/** The repositories every recovery use case works with. */
export type RecoveryRepositories = Pick<Repositories, "transaction" | "recoveries" | "cases" | "customers" | "assignments" | "consents" | "audit">;

export function recoveryNotFound(caseId: string): AppError {
  return notFound("recovery_not_found", `Case "${caseId}" is not marked as a company failure, so it has no recovery`, { field: "id" });
}

/**
 * Load a case and its customer for `permission`: the permission check and
 * the row rule of every case use case (caseForCaller: a case outside the
 * caller's rows is case_not_found), then what a recovery needs of it.
 */
export async function loadCaseFor(
  ctx: RequestContext,
  tx: Pick<Repositories, "recoveries" | "cases" | "customers" | "assignments">,
  permission: Permission,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ recoveryCase: RecoveryCase; customer: Customer }> {
  await caseForCaller(ctx, tx, permission, caseId, options);
  const recoveryCase = await tx.recoveries.findCase(ctx.workspaceId, caseId);
  const customer = recoveryCase === null ? null : await tx.customers.findById(ctx.workspaceId, recoveryCase.customerId);
  if (recoveryCase === null || customer === null) throw caseNotFound(caseId);
  return { recoveryCase, customer };
}

/** Load the case, its customer and its recovery (which must exist), locked for a change. */
export async function loadRecoveryForChange(
  ctx: RequestContext,
  tx: Pick<Repositories, "recoveries" | "cases" | "customers" | "assignments">,
  permission: Permission,
  caseId: string,
): Promise<{ recoveryCase: RecoveryCase; customer: Customer; recovery: CaseRecovery }> {
  const loaded = await loadCaseFor(ctx, tx, permission, caseId, { forUpdate: true });
  const recovery = await tx.recoveries.find(ctx.workspaceId, caseId, { forUpdate: true });
  if (recovery === null) throw recoveryNotFound(caseId);
  return { ...loaded, recovery };
}

/** A step of this recovery, as written to case_events and the timeline. */
export function stepRecord(
  ctx: RequestContext,
  recovery: Pick<CaseRecovery, "workspaceId" | "caseId" | "customerId">,
  step: RecoveryStep,
  at: Date,
  body: string | null = null,
  data: Record<string, unknown> = {},
): RecoveryStepRecord {
  const userId = actorUserId(ctx);
  return {
    workspaceId: recovery.workspaceId,
    caseId: recovery.caseId,
    customerId: recovery.customerId,
    step,
    actorUserId: userId.startsWith("usr_") ? userId : null,
    actorId: ctx.actorId,
    occurredAt: at,
    body,
    data,
  };
}

/** Refuse a change once the letter went out: what was sent is the record. */
export function refuseAfterSent(recovery: CaseRecovery): void {
  if (recovery.sentAt !== null) {
    throw new AppError("recovery_letter_sent", "conflict", "The letter was already sent; the recovery can no longer be changed except to record the follow-up", { field: "id" });
  }
}

/** 1 to 365 whole days, or absent. */
export function checkFollowUpDays(days: number | undefined): void {
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 365)) {
    throw new AppError("invalid_input", "invalid_input", `follow_up_days must be a whole number of days from 1 to 365, got ${days}`, { field: "follow_up_days" });
  }
}
