import type { CaseRecovery, Customer, Permission, RecoveryCase, RecoveryStep, RecoveryStepRecord, Repositories } from "@tenure/domain";
import { AppError, notFound, type RequestContext } from "@tenure/shared";
import { actorUserId, authorize, authorizeCustomer } from "../../security/authorize.ts";

/** The repositories every recovery use case works with. */
export type RecoveryRepositories = Pick<Repositories, "transaction" | "recoveries" | "customers" | "assignments" | "consents" | "audit">;

export function caseNotFound(caseId: string): AppError {
  return notFound("case_not_found", `No case with id "${caseId}"`, { field: "id" });
}

export function recoveryNotFound(caseId: string): AppError {
  return notFound("recovery_not_found", `Case "${caseId}" is not marked as a company failure, so it has no recovery`, { field: "id" });
}

/**
 * Load a case and its customer for `permission`: the permission check, then
 * the customer's row rule. A case of a customer outside the caller's rows is
 * case_not_found, exactly like a case of another workspace.
 */
export async function loadCaseFor(
  ctx: RequestContext,
  tx: Pick<Repositories, "recoveries" | "customers" | "assignments">,
  permission: Permission,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ recoveryCase: RecoveryCase; customer: Customer }> {
  const recoveryCase = await tx.recoveries.findCase(ctx.workspaceId, caseId, options);
  const customer = recoveryCase === null ? null : await tx.customers.findById(ctx.workspaceId, recoveryCase.customerId);
  if (recoveryCase === null || customer === null) {
    // the permission answer comes first, so a role without it never learns whether the case exists
    await authorizeCustomerOrCaseNotFound(ctx, tx, permission, null, caseId);
    throw caseNotFound(caseId);
  }
  await authorizeCustomerOrCaseNotFound(ctx, tx, permission, customer, caseId);
  return { recoveryCase, customer };
}

async function authorizeCustomerOrCaseNotFound(
  ctx: RequestContext,
  tx: Pick<Repositories, "assignments">,
  permission: Permission,
  customer: Customer | null,
  caseId: string,
): Promise<void> {
  if (customer === null) {
    authorize(ctx, permission);
    return;
  }
  try {
    await authorizeCustomer(ctx, { repositories: tx }, permission, customer);
  } catch (error) {
    if (error instanceof AppError && error.code === "customer_not_found") throw caseNotFound(caseId);
    throw error;
  }
}

/** Load the case, its customer and its recovery (which must exist), locked for a change. */
export async function loadRecoveryForChange(
  ctx: RequestContext,
  tx: Pick<Repositories, "recoveries" | "customers" | "assignments">,
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
