import { getFeedbackThemes, getThemeDictionary, putThemeDictionary, recordFeedback } from "@tenure/app";
import {
  createFeedbackBodySchema,
  feedbackItemSchema,
  feedbackThemesQuerySchema,
  feedbackThemesSchema,
  putThemeDictionaryBodySchema,
  themeDictionarySchema,
} from "@tenure/api-schemas";
import { z } from "zod";
import type { ApiServer, AppDeps } from "../../http/api-server.ts";
import { requestContext } from "../../http/authentication.ts";
import { problemResponses, writeProblemResponses } from "../problem-responses.ts";
import { routePermission } from "../security/route-permission.ts";
import { feedbackImportRoute } from "./feedback-import-route.ts";

const langParams = z.object({ lang: z.string().max(100).describe("en, ja, zh or ru") });

/**
 * Feedback themes: POST /api/feedback, POST /api/feedback/import (CSV), the
 * theme dictionaries per language, and the weekly view
 * GET /api/analytics/feedback/themes with rising themes.
 */
export async function feedbackRoutes(app: ApiServer, deps: AppDeps): Promise<void> {
  app.post(
    "/api/feedback",
    {
      schema: {
        tags: ["feedback"],
        ...routePermission("feedback.write"),
        summary: "Record a complaint, contact-centre note, social post or other feedback",
        description:
          "Tagged with themes from the workspace's dictionary for its language and a lexicon sentiment score (−1 … 1). 201 when stored; 200 with created false when the same source and external_id was stored before.",
        body: createFeedbackBodySchema,
        response: { 200: feedbackItemSchema, 201: feedbackItemSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const result = await recordFeedback(requestContext(request), deps, request.body);
      const { item } = result;
      reply.code(result.created ? 201 : 200);
      return {
        id: item.id,
        created: result.created,
        source: item.source,
        customer_id: item.customerId,
        external_id: item.externalId,
        language: item.language,
        themes: item.themes,
        sentiment: item.sentiment,
        occurred_at: item.occurredAt.toISOString(),
      };
    },
  );

  app.get(
    "/api/feedback/dictionaries/:lang",
    {
      schema: {
        tags: ["feedback"],
        ...routePermission("analytics.read"),
        summary: "The theme dictionary of a language (en, ja, zh, ru): the workspace's own or the default",
        params: langParams,
        response: { 200: themeDictionarySchema, ...problemResponses },
      },
    },
    async (request) => getThemeDictionary(requestContext(request), deps, request.params.lang),
  );

  app.put(
    "/api/feedback/dictionaries/:lang",
    {
      schema: {
        tags: ["feedback"],
        ...routePermission("analytics.run"),
        summary: "Replace the workspace's theme dictionary of a language",
        description: "Theme names: lower-case letters, digits and _. Keywords: en and ru compare stemmed words (a keyword may be a phrase; a final * makes a prefix), ja and zh match substrings. New feedback uses it; stored items keep their themes.",
        params: langParams,
        body: putThemeDictionaryBodySchema,
        response: { 200: themeDictionarySchema, ...writeProblemResponses },
      },
    },
    async (request) => putThemeDictionary(requestContext(request), deps, request.params.lang, request.body.themes),
  );

  app.get(
    "/api/analytics/feedback/themes",
    {
      schema: {
        tags: ["feedback"],
        ...routePermission("analytics.read"),
        summary: "Feedback per theme and week, with rising themes",
        description:
          "A theme is rising when its count in the last complete week is at least min_count and P(X ≥ count) < alpha for X ~ Poisson(its mean over the history_weeks before), see docs/satisfaction.md.",
        querystring: feedbackThemesQuerySchema,
        response: { 200: feedbackThemesSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { weeks, until } = request.query;
      const report = await getFeedbackThemes(requestContext(request), deps, { ...(weeks === undefined ? {} : { weeks }), ...(until === undefined ? {} : { until: new Date(`${until}T00:00:00Z`) }) });
      const t = report.test;
      return {
        weeks: report.weeks,
        tested_week: report.testedWeek,
        test: { history_weeks: t.historyWeeks, min_history_weeks: t.minHistoryWeeks, min_count: t.minCount, alpha: t.alpha, min_baseline: t.minBaseline },
        themes: report.themes.map((th) => ({ theme: th.theme, counts: th.counts, sentiment: th.sentiment, total: th.total, rising: th.rising, baseline: th.baseline, p_value: th.pValue })),
      };
    },
  );

  await feedbackImportRoute(app, deps);
}
