import type { RecoveryView } from "@tenure/app";
import type { RecoveryJson } from "@tenure/api-schemas";
import { followUpOverdue, missingForApproval, recoveryStatus } from "@tenure/domain";

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** The API shape of a recovery. */
export function toRecoveryJson(view: RecoveryView, now: Date = new Date()): RecoveryJson {
  const r = view.recovery;
  return {
    case_id: r.caseId,
    customer_id: r.customerId,
    status: recoveryStatus(r),
    locale: r.locale,
    version: r.version,
    personal_data_shown: view.personalDataShown,
    facts: { what_went_wrong: r.whatWentWrong, root_cause: r.rootCause, corrective_action: r.correctiveAction, goodwill: r.goodwill },
    steps: {
      started_at: r.startedAt.toISOString(),
      acknowledged_at: iso(r.acknowledgedAt),
      apologised_at: iso(r.apologisedAt),
      root_cause_at: iso(r.rootCauseAt),
      corrective_action_at: iso(r.correctiveActionAt),
      letter_drafted_at: iso(r.letterDraftedAt),
      approved_at: iso(r.approvedAt),
      sent_at: iso(r.sentAt),
      follow_up_due_at: iso(r.followUpDueAt),
      follow_up_done_at: iso(r.followUpDoneAt),
    },
    missing_for_approval: r.approvedAt === null ? missingForApproval(r) : [],
    letter:
      r.letterBody === null || r.letterSubject === null
        ? null
        : {
            subject: r.letterSubject,
            body: r.letterBody,
            signed_by: r.approvedAt !== null && r.signerName !== null ? { user_id: r.approvedBy, name: r.signerName, title: r.signerTitle } : null,
            sent_to: r.sentTo,
            pdf: `/api/cases/${encodeURIComponent(r.caseId)}/recovery/letter.pdf`,
          },
    follow_up: { days: r.followUpDays, overdue: followUpOverdue(r, now), note: r.followUpNote },
  };
}
