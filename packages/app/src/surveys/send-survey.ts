import { fillText, surveyLocale, surveyTexts, type Repositories, type SurveyTriggerKind } from "@tenure/domain";
import { AppError, newId, type RequestContext } from "@tenure/shared";
import { customerNotFound } from "../customers/customer-not-found.ts";
import { authorizeCustomer } from "../security/authorize.ts";
import { checkPurpose } from "../security/check-purpose.ts";
import type { Mailer } from "./mailer.ts";
import { signSurveyToken } from "./survey-link-token.ts";

/** Where survey links point and how they are signed. */
export interface SurveyLinks {
  /** Server secret (resolveServerSecret). */
  secret: string;
  /** Public base URL, e.g. https://tenure.example.com; the link is `<base>/s/<token>`. */
  baseUrl: string;
  /** Days a link stays valid (default 14). */
  validDays?: number;
}

export interface SendSurveyDeps {
  repositories: Pick<Repositories, "transaction" | "surveys" | "customers" | "assignments" | "consents">;
  mailer: Mailer;
  links: SurveyLinks;
  /** Never more than one survey per customer in this many days. */
  frequencyDays: number;
}

export type SendSurveyResult =
  | { status: "sent"; invitationId: string; url: string; expiresAt: Date }
  | { status: "skipped"; reason: "frequency_cap"; nextAllowedAt: Date }
  | { status: "skipped"; reason: "no_consent"; detail: string }
  | { status: "skipped"; reason: "no_email" };

const day = 86_400_000;

/**
 * Send one survey to one customer: by email (a signed, single-use link in
 * the customer's language) or in-app (the link is returned, not mailed).
 * Skipped — a returned outcome, not an error — when the customer withdrew
 * consent for the survey's purpose, was surveyed within the frequency cap,
 * or has no email address. The invitation is stored only if the email went
 * out (the mail is sent inside the transaction, so a refused send rolls it back).
 * With `followUpId` (a done follow-up of this customer) it is the re-survey
 * after the follow-up: the frequency cap is waived, once per follow-up;
 * consent still applies. `trigger` records the automatic trigger that sent it.
 */
export async function sendSurvey(
  ctx: RequestContext,
  deps: SendSurveyDeps,
  input: { surveyId: string; customerId: string; channel: "email" | "in_app"; followUpId?: string | undefined; trigger?: { kind: SurveyTriggerKind; caseId: string | null } },
  now: Date = new Date(),
): Promise<SendSurveyResult> {
  return deps.repositories.transaction(async (tx) => {
    // the row lock serialises two sends to one customer, so the cap holds
    const customer = await tx.customers.findById(ctx.workspaceId, input.customerId, { forUpdate: true });
    if (customer === null) throw customerNotFound(input.customerId);
    await authorizeCustomer(ctx, { repositories: tx }, "customers.update", customer);
    const survey = await tx.surveys.findSurvey(ctx.workspaceId, input.surveyId);
    if (survey === null || survey.archivedAt !== null) {
      throw new AppError("survey_not_found", "not_found", `No survey ${input.surveyId} in this workspace`, { field: "surveyId" });
    }
    const consent = await checkPurpose({ ...ctx, purpose: survey.purpose }, { repositories: tx }, customer, survey.purpose);
    if (!consent.allowed) return { status: "skipped", reason: "no_consent", detail: consent.reason };
    const resurvey = input.followUpId === undefined ? null : await resurveyableFollowUp(tx, ctx.workspaceId, input.followUpId, customer.id);
    const last = await tx.surveys.lastInvitationAt(ctx.workspaceId, customer.id);
    if (resurvey === null && last !== null && now.getTime() - last.getTime() < deps.frequencyDays * day) {
      return { status: "skipped", reason: "frequency_cap", nextAllowedAt: new Date(last.getTime() + deps.frequencyDays * day) };
    }
    if (input.channel === "email" && (customer.email === null || customer.email === "")) return { status: "skipped", reason: "no_email" };

    const locale = surveyLocale(customer.locale);
    const invitationId = newId("surveyInvitation", now.getTime());
    const expiresAt = new Date(now.getTime() + (deps.links.validDays ?? 14) * day);
    await tx.surveys.insertInvitation({
      id: invitationId,
      workspaceId: ctx.workspaceId,
      surveyId: survey.id,
      customerId: customer.id,
      locale,
      channel: input.channel,
      sentAt: now,
      expiresAt,
      usedAt: null,
      triggerKind: resurvey !== null ? "follow_up" : (input.trigger?.kind ?? null),
      caseId: input.trigger?.caseId ?? null,
    });
    if (resurvey !== null) await tx.surveys.markFollowUpResurveyed(ctx.workspaceId, resurvey, invitationId);
    const token = signSurveyToken(deps.links.secret, { workspaceId: ctx.workspaceId, invitationId, expiresAt });
    const url = `${deps.links.baseUrl.replace(/\/+$/, "")}/s/${token}`;
    if (input.channel === "email" && customer.email !== null) {
      const texts = surveyTexts[locale].page;
      const company = (await tx.surveys.companyName(ctx.workspaceId)) ?? "";
      await deps.mailer.send({ to: customer.email, subject: texts.emailSubject, text: `${fillText(texts.emailBody, { company })}\n\n${url}\n` });
    }
    return { status: "sent", invitationId, url, expiresAt };
  });
}

/** The id of a done follow-up of this customer not yet re-surveyed; otherwise an error saying why not. */
async function resurveyableFollowUp(tx: Pick<Repositories, "surveys">, workspaceId: string, followUpId: string, customerId: string): Promise<string> {
  const task = await tx.surveys.findFollowUp(workspaceId, followUpId, { forUpdate: true });
  if (task === null || task.customerId !== customerId) {
    throw new AppError("follow_up_not_found", "not_found", `No follow-up ${followUpId} of customer ${customerId}`, { field: "follow_up_id" });
  }
  if (task.status !== "done") throw new AppError("follow_up_not_done", "conflict", `follow_up_id: the follow-up is ${task.status}; re-survey once it is done`, { field: "follow_up_id" });
  if (task.resurveyInvitationId) throw new AppError("resurvey_already_sent", "conflict", `follow_up_id: the re-survey after this follow-up was already sent (${task.resurveyInvitationId})`, { field: "follow_up_id" });
  return task.id;
}
