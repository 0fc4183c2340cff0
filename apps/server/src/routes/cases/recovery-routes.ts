import {
  approveRecoveryLetter,
  completeRecoveryFollowUp,
  getRecovery,
  getRecoveryLetterPdf,
  markCompanyFailure,
  sendRecoveryLetter,
  updateRecovery,
  type Mailer,
} from "@tenure/app";
import { approveRecoveryBodySchema, followUpDoneBodySchema, markFailureBodySchema, recoveryCaseParamsSchema, recoverySchema, updateRecoveryBodySchema } from "@tenure/api-schemas";
import { AppError, type RequestContext } from "@tenure/shared";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses, writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { toRecoveryJson } from "./recovery-json.ts";
import { recoveryReportRoute } from "./recovery-report-route.ts";
import { recoveryTemplateRoutes } from "./recovery-template-routes.ts";

const tags = ["service recovery"];

const noMailer: Mailer = {
  send: async () => {
    throw new AppError("mail_not_configured", "invalid_input", "Sending a recovery letter needs TENURE_SMTP_URL", { field: "smtp" });
  },
};

/** Service recovery: mark a failure, steps and letter, approval, sending, the PDF, the follow-up, the templates and the report. */
export async function recoveryRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  // after a write the caller sees the recovery as any read shows it (masked without a purpose)
  const view = async (ctx: RequestContext, caseId: string) => toRecoveryJson(await getRecovery(ctx, deps, caseId));

  app.post(
    "/api/cases/:id/failure",
    {
      schema: {
        tags,
        ...routePermission("cases.write"),
        summary: "Mark a case as a company failure and start its recovery",
        description: "Sets is_company_failure and opens the recovery (steps, letter, approval, sending, follow-up). 409 recovery_exists when already marked.",
        params: recoveryCaseParamsSchema,
        body: markFailureBodySchema,
        response: { 201: recoverySchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const b = request.body;
      await markCompanyFailure(ctx, deps, {
        caseId: request.params.id,
        whatWentWrong: b.what_went_wrong,
        ...(b.locale ? { locale: b.locale } : {}),
        ...(b.follow_up_days ? { followUpDays: b.follow_up_days } : {}),
      });
      reply.code(201).header("location", `/api/cases/${request.params.id}/recovery`);
      return view(ctx, request.params.id);
    },
  );

  app.get(
    "/api/cases/:id/recovery",
    {
      schema: {
        tags,
        ...routePermission("cases.read"),
        summary: "A case's recovery: steps, facts, letter",
        description: "The letter body and the address it went to are masked unless X-Purpose allows this customer's personal data; an unmasked read is audited.",
        params: recoveryCaseParamsSchema,
        response: { 200: recoverySchema, ...problemResponses },
      },
    },
    async (request) => view(requestContext(request), request.params.id),
  );

  app.patch(
    "/api/cases/:id/recovery",
    {
      schema: {
        tags,
        ...routePermission("cases.write"),
        summary: "Record recovery steps and edit the draft letter",
        description:
          "acknowledged / apologised mark those steps; root_cause and corrective_action are recorded (the letter is drafted from the template once both are known); letter edits the text; redraft drafts it again. Changing an approved letter withdraws the approval. 409 recovery_letter_sent after sending.",
        params: recoveryCaseParamsSchema,
        body: updateRecoveryBodySchema,
        response: { 200: recoverySchema, ...writeProblemResponses },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      const b = request.body;
      await updateRecovery(ctx, deps, {
        caseId: request.params.id,
        ...(b.version !== undefined ? { expectedVersion: b.version } : {}),
        ...(b.acknowledged ? { acknowledged: true as const } : {}),
        ...(b.apologised ? { apologised: true as const } : {}),
        ...(b.what_went_wrong !== undefined ? { whatWentWrong: b.what_went_wrong } : {}),
        ...(b.root_cause !== undefined ? { rootCause: b.root_cause } : {}),
        ...(b.corrective_action !== undefined ? { correctiveAction: b.corrective_action } : {}),
        ...(b.goodwill !== undefined ? { goodwill: b.goodwill } : {}),
        ...(b.follow_up_days !== undefined ? { followUpDays: b.follow_up_days } : {}),
        ...(b.locale !== undefined ? { locale: b.locale } : {}),
        ...(b.letter !== undefined ? { letter: b.letter } : {}),
        ...(b.redraft ? { redraft: true as const } : {}),
      });
      return view(ctx, request.params.id);
    },
  );

  app.post(
    "/api/cases/:id/recovery/approve",
    {
      schema: {
        tags,
        ...routePermission("recovery.approve"),
        summary: "Approve and sign the letter (managers)",
        description: "Signs with the approving user's name and title and freezes the text. 409 recovery_incomplete names the missing steps; 403 signer_required for a token not bound to a user.",
        params: recoveryCaseParamsSchema,
        body: approveRecoveryBodySchema,
        response: { 200: recoverySchema, ...writeProblemResponses },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      await approveRecoveryLetter(ctx, deps, { caseId: request.params.id, ...(request.body.version !== undefined ? { expectedVersion: request.body.version } : {}) });
      return view(ctx, request.params.id);
    },
  );

  app.post(
    "/api/cases/:id/recovery/send",
    {
      schema: {
        tags,
        ...routePermission("cases.write"),
        summary: "Email the approved letter with its PDF",
        description: "To the case's contact, else the customer. Stores the PDF as sent and links it from the timeline. 409 letter_not_approved, no_email or consent_withdrawn.",
        params: recoveryCaseParamsSchema,
        response: { 200: recoverySchema, ...writeProblemResponses },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      await sendRecoveryLetter(ctx, { repositories: deps.repositories, mailer: deps.satisfaction?.mailer ?? noMailer }, { caseId: request.params.id });
      return view(ctx, request.params.id);
    },
  );

  app.get(
    "/api/cases/:id/recovery/letter.pdf",
    {
      schema: {
        tags,
        ...routePermission("cases.read"),
        summary: "The letter as PDF",
        description: "The stored PDF once sent, else the current draft (marked as such until approved). Needs X-Purpose allowing this customer's personal data (403 personal_data_masked); every download is audited.",
        params: recoveryCaseParamsSchema,
        response: { 200: z.instanceof(Buffer).describe("The letter (application/pdf)"), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { pdf, sent } = await getRecoveryLetterPdf(requestContext(request), deps, request.params.id);
      const name = `letter-${request.params.id}${sent ? "" : "-draft"}.pdf`;
      return reply.type("application/pdf").header("content-disposition", `attachment; filename="${name}"`).send(Buffer.from(pdf));
    },
  );

  app.post(
    "/api/cases/:id/recovery/follow-up-done",
    {
      schema: {
        tags,
        ...routePermission("cases.write"),
        summary: "Record the follow-up check after the letter",
        params: recoveryCaseParamsSchema,
        body: followUpDoneBodySchema,
        response: { 200: recoverySchema, ...writeProblemResponses },
      },
    },
    async (request) => {
      const ctx = requestContext(request);
      await completeRecoveryFollowUp(ctx, deps, { caseId: request.params.id, note: request.body.note });
      return view(ctx, request.params.id);
    },
  );

  recoveryTemplateRoutes(app, deps);
  recoveryReportRoute(app, deps);
}
