import type { CaseRecovery, RecoveryLocale, RecoveryStep, RecoveryStepRecord } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { draftRecoveryLetter } from "./draft-recovery-letter.ts";
import { checkFollowUpDays, loadRecoveryForChange, refuseAfterSent, stepRecord, type RecoveryRepositories } from "./recovery-access.ts";

/** A change to a recovery; absent fields stay as they are. */
export interface UpdateRecoveryInput {
  caseId: string;
  /** The version the caller read; a different current version is a conflict (version_conflict). */
  expectedVersion?: number;
  /** The customer was told we are on it (acknowledgement sent). */
  acknowledged?: true;
  /** The customer received an apology (call, message). */
  apologised?: true;
  whatWentWrong?: string;
  rootCause?: string;
  correctiveAction?: string;
  /** A goodwill gesture for the letter; null removes it. */
  goodwill?: string | null;
  followUpDays?: number;
  locale?: RecoveryLocale;
  /** The letter as edited by hand. */
  letter?: { subject: string; body: string };
  /** Draft the letter again from the template and the current facts. */
  redraft?: true;
}

function required(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === "") throw new AppError("invalid_input", "invalid_input", `${field} must not be empty`, { field });
  return trimmed;
}

/**
 * Record recovery steps and edit the draft letter. The letter is drafted
 * from the template as soon as root cause and corrective action are known
 * (or again on `redraft`), and may then be edited by hand. Any change to the
 * text of an approved letter withdraws the approval: the letter must be
 * approved again before it can be sent. Nothing changes once it was sent.
 */
export async function updateRecovery(ctx: RequestContext, deps: { repositories: RecoveryRepositories }, input: UpdateRecoveryInput, now: Date = new Date()): Promise<CaseRecovery> {
  checkFollowUpDays(input.followUpDays);
  return deps.repositories.transaction(async (tx) => {
    const { recoveryCase, customer, recovery: current } = await loadRecoveryForChange(ctx, tx, "cases.write", input.caseId);
    refuseAfterSent(current);
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
      throw new AppError("version_conflict", "conflict", `The recovery has changed (version ${current.version}, you sent ${input.expectedVersion}); read it again`, {
        field: "version",
        currentVersion: current.version,
      });
    }
    const next: CaseRecovery = { ...current };
    const steps: RecoveryStepRecord[] = [];
    const step = (kind: RecoveryStep, body: string | null = null, data: Record<string, unknown> = {}): void => {
      steps.push(stepRecord(ctx, next, kind, now, body, data));
    };

    if (input.acknowledged && next.acknowledgedAt === null) {
      next.acknowledgedAt = now;
      step("acknowledged");
    }
    if (input.apologised && next.apologisedAt === null) {
      next.apologisedAt = now;
      step("apologised");
    }
    if (input.whatWentWrong !== undefined) next.whatWentWrong = required(input.whatWentWrong, "what_went_wrong");
    if (input.rootCause !== undefined) {
      next.rootCause = required(input.rootCause, "root_cause");
      next.rootCauseAt = now;
      step("root_cause_recorded", next.rootCause);
    }
    if (input.correctiveAction !== undefined) {
      next.correctiveAction = required(input.correctiveAction, "corrective_action");
      next.correctiveActionAt = now;
      step("corrective_action_recorded", next.correctiveAction);
    }
    if (input.goodwill !== undefined) next.goodwill = input.goodwill === null || input.goodwill.trim() === "" ? null : input.goodwill.trim();
    if (input.followUpDays !== undefined) next.followUpDays = input.followUpDays;
    if (input.locale !== undefined) next.locale = input.locale;

    if (input.letter !== undefined) {
      next.letterSubject = required(input.letter.subject, "letter.subject");
      next.letterBody = required(input.letter.body, "letter.body");
    } else if (input.redraft || (next.letterBody === null && next.rootCause !== null && next.correctiveAction !== null)) {
      const drafted = await draftRecoveryLetter(tx, next, recoveryCase, customer);
      next.letterSubject = drafted.subject;
      next.letterBody = drafted.body;
    }
    const letterChanged = next.letterSubject !== current.letterSubject || next.letterBody !== current.letterBody;
    if (letterChanged) {
      next.letterDraftedAt = now;
      step(current.letterBody === null ? "letter_drafted" : "letter_edited", null, { source: input.letter !== undefined ? "edited" : "template", locale: next.locale });
      if (current.approvedAt !== null) {
        next.approvedAt = null;
        next.approvedBy = null;
        next.signerName = null;
        next.signerTitle = null;
        step("approval_withdrawn", null, { previously_approved_by: current.approvedBy });
      }
    }
    const changed = (Object.keys(next) as (keyof CaseRecovery)[]).some((k) => next[k] !== current[k]);
    if (!changed) return current;
    next.version = current.version + 1;
    await tx.recoveries.update(next);
    await tx.recoveries.recordSteps(steps);
    return next;
  });
}
