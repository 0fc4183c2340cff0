import { z } from "zod";

const dateTime = z.iso.datetime({ offset: true });
const fixStatus = z.enum(["open", "investigating", "fix_planned", "fixed"]);

/** POST/PUT /api/known-problems */
export const knownProblemBodySchema = z.object({
  product_id: z.string().nullable().default(null),
  title: z.string().max(200),
  description: z.string().max(10_000),
  workaround: z.string().max(10_000).nullable().default(null),
  fix_status: fixStatus.default("open"),
});

export const knownProblemSchema = knownProblemBodySchema.extend({
  id: z.string(),
  fixed_at: dateTime.nullable().describe("Set when the fix status became fixed"),
  case_count: z.number().int().describe("Cases linked to it"),
  created_at: dateTime,
  updated_at: dateTime,
});
export type KnownProblemJson = z.infer<typeof knownProblemSchema>;

/** GET /api/known-problems */
export const knownProblemsQuerySchema = z.object({ fix_status: fixStatus.optional(), product_id: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).optional() });

/** PUT /api/cases/{id}/known-problem */
export const caseKnownProblemBodySchema = z.object({ known_problem_id: z.string().min(1).nullable().describe("null unlinks") });

/** GET /api/analytics/cases/rising */
export const risingQuerySchema = z.object({
  as_of: z.iso.date().optional().describe("A day of the tested week (default today, UTC); weeks start on Monday"),
  weeks: z.coerce.number().int().min(2).max(52).optional().describe("Trailing weeks of history (default 8)"),
  alpha: z.coerce.number().gt(0).lt(1).optional().describe("Significance level (default 0.01)"),
  min_count: z.coerce.number().int().min(1).max(1_000).optional().describe("Least cases in the tested week to be rising (default 3)"),
});

export const risingSchema = z.object({
  week_start: z.iso.date(),
  history_weeks: z.number().int(),
  items: z.array(
    z.object({
      dimension: z.enum(["category", "product"]),
      key: z.string(),
      count: z.number().int(),
      expected: z.number().describe("Mean weekly count of the trailing weeks"),
      z_score: z.number(),
      p_value: z.number().describe("Exact one-sided Poisson P(X ≥ count | expected)"),
      rising: z.boolean(),
    }),
  ),
});
