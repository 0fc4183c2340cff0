import { defaultFollowUpDays, surveyLocale, type CaseRecovery, type RecoveryLocale } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { checkFollowUpDays, loadCaseFor, stepRecord, type RecoveryRepositories } from "./recovery-access.ts";

export interface MarkCompanyFailureInput {
  caseId: string;
  /** What went wrong, in the words the letter will use (the customer's language). */
  whatWentWrong: string;
  /** The letter's language; default: the case contact's, else the customer's locale (en when unsupported). */
  locale?: RecoveryLocale;
  /** Days after sending the letter until the follow-up check (default 14). */
  followUpDays?: number;
}

/**
 * Mark a case as a company failure and start its recovery: sets
 * cases.is_company_failure and creates the recovery record, whose first step
 * ("started") is written to the case and the customer's timeline. A case has
 * one recovery; marking it again is a conflict (recovery_exists).
 */
export async function markCompanyFailure(ctx: RequestContext, deps: { repositories: RecoveryRepositories }, input: MarkCompanyFailureInput, now: Date = new Date()): Promise<CaseRecovery> {
  const whatWentWrong = input.whatWentWrong.trim();
  if (whatWentWrong === "") throw new AppError("invalid_input", "invalid_input", "what_went_wrong must not be empty", { field: "what_went_wrong" });
  checkFollowUpDays(input.followUpDays);
  return deps.repositories.transaction(async (tx) => {
    const { recoveryCase, customer } = await loadCaseFor(ctx, tx, "cases.write", input.caseId, { forUpdate: true });
    if ((await tx.recoveries.find(ctx.workspaceId, recoveryCase.id)) !== null) {
      throw new AppError("recovery_exists", "conflict", `Case "${recoveryCase.id}" is already marked as a company failure`, { field: "id" });
    }
    const recovery: CaseRecovery = {
      workspaceId: ctx.workspaceId,
      caseId: recoveryCase.id,
      customerId: customer.id,
      locale: input.locale ?? surveyLocale(recoveryCase.contact?.locale ?? customer.locale),
      whatWentWrong,
      rootCause: null,
      correctiveAction: null,
      goodwill: null,
      startedAt: now,
      startedBy: ctx.actorId,
      acknowledgedAt: null,
      apologisedAt: null,
      rootCauseAt: null,
      correctiveActionAt: null,
      letterSubject: null,
      letterBody: null,
      letterDraftedAt: null,
      approvedAt: null,
      approvedBy: null,
      signerName: null,
      signerTitle: null,
      sentAt: null,
      sentTo: null,
      followUpDays: input.followUpDays ?? defaultFollowUpDays,
      followUpDueAt: null,
      followUpDoneAt: null,
      followUpNote: null,
      version: 1,
    };
    await tx.recoveries.markCompanyFailure(ctx.workspaceId, recoveryCase.id, now);
    await tx.recoveries.insert(recovery);
    await tx.recoveries.recordSteps([stepRecord(ctx, recovery, "started", now, whatWentWrong, { locale: recovery.locale, follow_up_days: recovery.followUpDays })]);
    return recovery;
  });
}
