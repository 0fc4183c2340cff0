import { z } from "zod";

const sources = ["survey", "complaint", "contact_centre", "social", "other"] as const;

/** POST /api/feedback */
export const createFeedbackBodySchema = z.object({
  source: z.enum(sources),
  text: z.string().min(1).max(10_000),
  language: z.string().min(2).max(35).describe("en, ja, zh or ru (or a tag of one, e.g. ja-JP)"),
  customer_id: z.string().max(100).nullable().optional(),
  occurred_at: z.iso.datetime({ offset: true }).optional().describe("default: now"),
  external_id: z.string().max(200).nullable().optional().describe("The sender's id: a second item with the same source and external id is not stored again"),
});

export const feedbackItemSchema = z.object({
  id: z.string().nullable().describe("null when the item was a duplicate (same source and external id) and nothing was stored"),
  created: z.boolean(),
  source: z.enum(sources),
  customer_id: z.string().nullable(),
  external_id: z.string().nullable(),
  language: z.string(),
  themes: z.array(z.string()),
  sentiment: z.number().describe("Lexicon sentiment, −1 … 1"),
  occurred_at: z.iso.datetime({ offset: true }),
});
export type FeedbackItemJson = z.infer<typeof feedbackItemSchema>;

/** GET/PUT /api/feedback/dictionaries/{lang} */
export const themeDictionarySchema = z.object({
  language: z.string(),
  custom: z.boolean().describe("false: the default dictionary applies"),
  themes: z.record(z.string(), z.array(z.string())),
});
export const putThemeDictionaryBodySchema = z.object({
  themes: z.record(z.string(), z.array(z.string())).describe("Theme name → keywords; a keyword ending in * matches as a prefix"),
});

/** POST /api/feedback/import (text/csv): 200 when stored, 400 with every refused line. */
export const feedbackImportResultSchema = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  problems: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});

/** GET /api/analytics/feedback/themes */
export const feedbackThemesQuerySchema = z.object({
  weeks: z.coerce.number().int().min(2).max(104).optional().describe("Weeks shown, up to the current one (default 12)"),
  until: z.iso.date().optional().describe("YYYY-MM-DD: show the weeks up to this day's week instead of today's"),
});
export const feedbackThemesSchema = z.object({
  weeks: z.array(z.string()).describe("Mondays (UTC) of the weeks shown; the last is the current, partial week"),
  tested_week: z.string().describe("The week the rising test looks at: the last complete one"),
  test: z.object({ history_weeks: z.number().int(), min_history_weeks: z.number().int(), min_count: z.number().int(), alpha: z.number(), min_baseline: z.number() }),
  themes: z.array(
    z.object({
      theme: z.string(),
      counts: z.array(z.number().int()),
      sentiment: z.array(z.number().nullable()),
      total: z.number().int(),
      rising: z.boolean(),
      baseline: z.number().nullable(),
      p_value: z.number().nullable(),
    }),
  ),
});
export type FeedbackThemesJson = z.infer<typeof feedbackThemesSchema>;
