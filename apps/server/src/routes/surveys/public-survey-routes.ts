import { parse as parseQueryString } from "node:querystring";
import { createSurveyPageCache, openSurveyLink, submitSurveyAnswers } from "@tenure/app";
import { surveyLocales, type RawSurveyAnswers, type SurveyLocale } from "@tenure/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiServer, AppDeps, SatisfactionDeps } from "../../http/api-server.ts";
import { createRateLimit } from "./public-rate-limit.ts";
import { blankSurveyFormPage, messagePage, surveyFormPage, surveyPagePolicy } from "./survey-page-html.ts";

// a wildcard, not :token: Fastify caps named parameters at 100 characters and a signed token is longer
const params = z.object({ "*": z.string().max(400) });

/**
 * The public survey page /s/{token}: no sign-in, server-rendered HTML in the
 * invitation's language, a plain form POST (no JavaScript). A forged,
 * expired or used link gets a friendly page (404/410/200), never an error
 * trace; each client address is rate limited (429 with a localised page).
 */
export async function publicSurveyRoutes(app: ApiServer, deps: AppDeps & { satisfaction: SatisfactionDeps }): Promise<void> {
  const { secret } = deps.satisfaction;
  const allow = createRateLimit(deps.satisfaction.publicRateLimit ?? { requests: 60, windowMs: 60_000 });
  const linkDeps = { repositories: deps.repositories, secret, surveyPages: createSurveyPageCache() };

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 16_384 }, (_request, body, done) => {
      done(null, parseQueryString(String(body)));
    });

    const html = (reply: FastifyReply, status: number, page: string | Buffer) =>
      reply.code(status).header("content-security-policy", surveyPagePolicy).header("cache-control", "no-store").type("text/html; charset=utf-8").send(page);

    const limited = (request: FastifyRequest, reply: FastifyReply): boolean => {
      if (allow(request.ip)) return false;
      void html(reply.header("retry-after", "60"), 429, messagePage(preferredLocale(request), "tooMany"));
      return true;
    };

    const route = { config: { auth: "none" as const }, schema: { hide: true, params } };

    scope.get("/s/*", route, async (request, reply) => {
      if (limited(request, reply)) return reply;
      const state = await openSurveyLink(linkDeps, request.params["*"]);
      switch (state.status) {
        case "open":
          return html(reply, 200, blankSurveyFormPage({ survey: state.survey, locale: state.locale, company: state.company, action: `/s/${request.params["*"]}` }));
        case "used":
          return html(reply, 200, messagePage(state.locale, "used"));
        case "expired":
          return html(reply, 410, messagePage(state.locale ?? preferredLocale(request), "expired"));
        case "invalid":
          return html(reply, 404, messagePage(preferredLocale(request), "invalid"));
      }
    });

    scope.post("/s/*", { ...route, bodyLimit: 16_384 }, async (request, reply) => {
      if (limited(request, reply)) return reply;
      const raw = formAnswers(request.body);
      const result = await submitSurveyAnswers(linkDeps, request.params["*"], raw);
      switch (result.status) {
        case "recorded":
          return html(reply, 200, messagePage(result.locale, "thanks"));
        case "invalid_answers":
          return html(
            reply,
            422,
            surveyFormPage({ survey: result.survey, locale: result.locale, company: result.company, action: `/s/${request.params["*"]}`, values: raw, problems: result.problems }),
          );
        case "used":
          return html(reply, 200, messagePage(result.locale, "used"));
        case "expired":
          return html(reply, 410, messagePage(result.locale ?? preferredLocale(request), "expired"));
        case "invalid":
          return html(reply, 404, messagePage(preferredLocale(request), "invalid"));
      }
    });
  });
}

function formAnswers(body: unknown): RawSurveyAnswers {
  const answers: Record<string, string | string[]> = {};
  if (typeof body !== "object" || body === null) return answers;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") answers[key] = value;
    else if (Array.isArray(value)) answers[key] = value.filter((v): v is string => typeof v === "string");
  }
  return answers;
}

/** The first supported language of Accept-Language, for pages that know no invitation. */
function preferredLocale(request: FastifyRequest): SurveyLocale {
  const header = request.headers["accept-language"] ?? "";
  for (const part of header.split(",")) {
    const tag = (part.split(";")[0] ?? "").trim().toLowerCase().split("-")[0];
    const found = surveyLocales.find((l) => l === tag);
    if (found) return found;
  }
  return "en";
}
