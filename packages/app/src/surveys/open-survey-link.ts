import type { Repositories, Survey, SurveyInvitation, SurveyLocale } from "@tenure/domain";
import { verifySurveyToken } from "./survey-link-token.ts";
import type { SurveyPageCache } from "./survey-page-cache.ts";

export type SurveyLinkState =
  | { status: "open"; survey: Survey; invitation: SurveyInvitation; locale: SurveyLocale; company: string }
  | { status: "invalid" }
  | { status: "expired"; locale: SurveyLocale | null }
  | { status: "used"; locale: SurveyLocale };

/**
 * What the public page at /s/{token} shows: the survey to answer, or why
 * not — a forged or unknown link (invalid), an expired one, or one already
 * answered (used). Public: no caller context; the signed token names the
 * workspace and invitation. With `forUpdate` the invitation row is locked
 * (answering, inside a transaction). With `surveyPages` the survey and the
 * workspace's name come from that cache while unchanged, so an open link
 * costs one query; without, a second query reads them.
 */
export async function openSurveyLink(
  deps: { repositories: Pick<Repositories, "surveys">; secret: string; surveyPages?: SurveyPageCache },
  token: string,
  now: Date = new Date(),
  options: { forUpdate?: boolean } = {},
): Promise<SurveyLinkState> {
  const check = verifySurveyToken(deps.secret, token, now);
  if (!check.ok && check.reason === "forged") return { status: "invalid" };
  if (!check.ok) {
    // the signature was good, so the invitation it names is genuine: answer in its language
    const expired = await deps.repositories.surveys.findInvitation(check.claims.workspaceId, check.claims.invitationId);
    return { status: "expired", locale: expired?.locale ?? null };
  }
  const { workspaceId, invitationId } = check.claims;
  const { surveys } = deps.repositories;
  const found = await surveys.findInvitationPage(workspaceId, invitationId, { forUpdate: options.forUpdate ?? false });
  if (found === null) return { status: "invalid" };
  const { invitation } = found;
  if (invitation.expiresAt.getTime() <= now.getTime()) return { status: "expired", locale: invitation.locale };
  if (invitation.usedAt !== null) return { status: "used", locale: invitation.locale };
  const page = deps.surveyPages
    ? await deps.surveyPages.find(surveys, workspaceId, invitation.surveyId, found.pageVersion)
    : await surveys.findSurveyPage(workspaceId, invitation.surveyId);
  if (page === null) return { status: "invalid" };
  return { status: "open", survey: page.survey, invitation, locale: invitation.locale, company: page.company };
}
