import { createSurvey, listSurveys, sendSurvey, type SendSurveyResult } from "@tenure/app";
import { createSurveyBodySchema, sendSurveyBodySchema, sendSurveyResultSchema, surveySchema, type SendSurveyResultJson, type SurveyJson } from "@tenure/api-schemas";
import type { Survey } from "@tenure/domain";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";

function toSurveyJson(survey: Survey): SurveyJson {
  return { id: survey.id, name: survey.name, kind: survey.kind, purpose: survey.purpose, questions: survey.questions.map((q) => ({ ...q })), created_at: survey.createdAt.toISOString() };
}

function toSendJson(result: SendSurveyResult): SendSurveyResultJson {
  if (result.status === "sent") return { status: "sent", invitation_id: result.invitationId, url: result.url, expires_at: result.expiresAt.toISOString() };
  if (result.reason === "frequency_cap") return { status: "skipped", reason: result.reason, next_allowed_at: result.nextAllowedAt.toISOString() };
  if (result.reason === "no_consent") return { status: "skipped", reason: result.reason, detail: result.detail };
  return { status: "skipped", reason: result.reason };
}

/** POST /api/surveys, GET /api/surveys, and (with satisfaction settings) POST /api/surveys/{id}/send. */
export function surveyApiRoutes(app: ApiServer, deps: AppDeps): void {
  app.post(
    "/api/surveys",
    {
      schema: {
        tags: ["surveys"],
        ...routePermission("analytics.run"),
        summary: "Create a survey of a standard kind",
        body: createSurveyBodySchema,
        response: { 201: surveySchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const survey = await createSurvey(requestContext(request), deps, request.body);
      reply.code(201).header("location", `/api/surveys/${survey.id}`);
      return toSurveyJson(survey);
    },
  );

  app.get(
    "/api/surveys",
    { schema: { tags: ["surveys"], ...routePermission("analytics.read"), summary: "List surveys, newest first", response: { 200: z.object({ items: z.array(surveySchema) }), ...writeProblemResponses } } },
    async (request) => ({ items: (await listSurveys(requestContext(request), deps)).map(toSurveyJson) }),
  );

  const { satisfaction } = deps;
  if (satisfaction === undefined) return;
  app.post(
    "/api/surveys/:id/send",
    {
      schema: {
        tags: ["surveys"],
        ...routePermission("customers.update"),
        summary: "Send a survey to one customer",
        description:
          "Email (default) or in_app. Answers 200 with status skipped and a reason when consent for the survey's purpose is withdrawn, the customer was surveyed within the frequency cap, or has no email address. With follow_up_id (a done follow-up of the customer) the frequency cap is waived once: the re-survey after the follow-up.",
        params: z.object({ id: z.string() }),
        body: sendSurveyBodySchema,
        response: { 200: sendSurveyResultSchema, ...writeProblemResponses },
      },
    },
    async (request) => {
      const result = await sendSurvey(
        requestContext(request),
        { repositories: deps.repositories, mailer: satisfaction.mailer, links: { secret: satisfaction.secret, baseUrl: satisfaction.baseUrl }, frequencyDays: satisfaction.frequencyDays },
        { surveyId: request.params.id, customerId: request.body.customer_id, channel: request.body.channel, followUpId: request.body.follow_up_id },
      );
      return toSendJson(result);
    },
  );
}
