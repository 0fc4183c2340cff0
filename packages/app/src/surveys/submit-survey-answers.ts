import { followUpDueHours, followUpReason, validateSurveyAnswers, type AnswerProblem, type RawSurveyAnswers, type Repositories, type Survey, type SurveyLocale } from "@tenure/domain";
import { newId } from "@tenure/shared";
import { recordSurveyComment } from "../feedback/analyse-feedback.ts";
import { openSurveyLink, type SurveyLinkState } from "./open-survey-link.ts";
import type { SurveyPageCache } from "./survey-page-cache.ts";

export type SubmitSurveyResult =
  | { status: "recorded"; responseId: string; locale: SurveyLocale; followUpId: string | null }
  | { status: "invalid_answers"; problems: AnswerProblem[]; survey: Survey; locale: SurveyLocale; company: string }
  | Exclude<SurveyLinkState, { status: "open" }>;

/**
 * Record the answers given through a survey link. Out-of-range or missing
 * answers come back as problems (nothing is stored); a link already used
 * answers `used` — so a double submission stores one response and the
 * second sees the thank-you state, not an error. The invitation row is
 * locked while answering, so two simultaneous posts cannot both record.
 * Closed loop: a detractor, CSAT ≤ 2 or CES ≤ 3 opens a follow-up task for
 * the customer's owner, due in `followUpHours` (default 48). A comment is
 * stored as feedback (themes, sentiment).
 */
export async function submitSurveyAnswers(
  deps: { repositories: Pick<Repositories, "transaction" | "surveys" | "customers" | "feedback">; secret: string; followUpHours?: number; surveyPages?: SurveyPageCache },
  token: string,
  raw: RawSurveyAnswers,
  now: Date = new Date(),
): Promise<SubmitSurveyResult> {
  return deps.repositories.transaction(async (tx) => {
    const link = await openSurveyLink({ repositories: tx, secret: deps.secret, surveyPages: deps.surveyPages }, token, now, { forUpdate: true });
    if (link.status !== "open") return link;
    const { survey, invitation, locale } = link;
    const checked = validateSurveyAnswers(survey.questions, raw);
    if (!checked.ok) return { status: "invalid_answers", problems: checked.problems, survey, locale, company: link.company };
    const responseId = newId("surveyResponse", now.getTime());
    await tx.surveys.insertResponse({
      id: responseId,
      workspaceId: invitation.workspaceId,
      surveyId: survey.id,
      customerId: invitation.customerId,
      invitationId: invitation.id,
      externalId: null,
      source: invitation.channel === "email" ? "link" : "in_app",
      respondedAt: now,
      locale,
      scores: checked.value.scores,
      comment: checked.value.comment,
      answers: checked.value.answers,
    });
    await tx.surveys.markInvitationUsed(invitation.workspaceId, invitation.id, now);
    // the comment feeds the feedback themes
    await recordSurveyComment(tx, invitation.workspaceId, { id: responseId, customerId: invitation.customerId, comment: checked.value.comment, respondedAt: now, language: locale }, now);
    const reason = followUpReason(checked.value.scores);
    let followUpId: string | null = null;
    if (reason !== null) {
      const customer = await tx.customers.findById(invitation.workspaceId, invitation.customerId);
      followUpId = newId("followUp", now.getTime());
      await tx.surveys.insertFollowUp({
        id: followUpId,
        workspaceId: invitation.workspaceId,
        customerId: invitation.customerId,
        responseId,
        ownerUserId: customer?.ownerUserId ?? null,
        reason,
        status: "open",
        outcome: null,
        dueAt: new Date(now.getTime() + (deps.followUpHours ?? followUpDueHours) * 3_600_000),
        createdAt: now,
        closedAt: null,
      });
    }
    return { status: "recorded", responseId, locale, followUpId };
  });
}
