import { isRatingType, ratingScales, type SurveyQuestion } from "./survey-question.ts";

export type SurveyAnswerValue = number | string | string[];

/** The standard items of one response, copied into their own columns for the metrics. */
export interface SurveyItemScores {
  nps: number | null;
  csat: number | null;
  ces: number | null;
  acsiOverall: number | null;
  acsiExpectations: number | null;
  acsiIdeal: number | null;
}

export interface ValidSurveyAnswers {
  answers: Record<string, SurveyAnswerValue>;
  scores: SurveyItemScores;
  /** Free-text answers joined, for feedback themes; null when none. */
  comment: string | null;
}

export type AnswerProblemCode = "required" | "not_a_number" | "out_of_range" | "unknown_choice" | "too_long";

/** One refused answer; `field` is the question id, `message` names it. */
export interface AnswerProblem {
  field: string;
  code: AnswerProblemCode;
  message: string;
  min?: number;
  max?: number;
}

export type SurveyAnswersResult = { ok: true; value: ValidSurveyAnswers } | { ok: false; problems: AnswerProblem[] };

/** Raw answers as they arrive from a form post, JSON or a CSV row. */
export type RawSurveyAnswers = Readonly<Record<string, string | number | readonly string[] | null | undefined>>;

/**
 * Check raw answers against a survey's questions: ratings must be integers in
 * their scale (NPS 0–10, CSAT 1–5, CES 1–7, ACSI 1–10, importance 1–5),
 * choices one of the options, texts within their length; required questions
 * must be answered. Every problem is returned, each naming its field.
 */
export function validateSurveyAnswers(questions: readonly SurveyQuestion[], raw: RawSurveyAnswers): SurveyAnswersResult {
  const problems: AnswerProblem[] = [];
  const answers: Record<string, SurveyAnswerValue> = {};
  const scores: SurveyItemScores = { nps: null, csat: null, ces: null, acsiOverall: null, acsiExpectations: null, acsiIdeal: null };
  const texts: string[] = [];

  for (const q of questions) {
    const value = raw[q.id];
    const values = (Array.isArray(value) ? value : value === null || value === undefined ? [] : [String(value)])
      .map((v: string) => v.trim())
      .filter((v: string) => v !== "");
    if (values.length === 0) {
      if (q.required) problems.push({ field: q.id, code: "required", message: `${q.id}: an answer is required` });
      continue;
    }
    if (isRatingType(q.type)) {
      const { min, max } = ratingScales[q.type];
      const text = values[0] ?? "";
      if (!/^-?\d+$/.test(text)) {
        problems.push({ field: q.id, code: "not_a_number", message: `${q.id}: expected a whole number from ${min} to ${max}, got "${text}"`, min, max });
        continue;
      }
      const n = Number(text);
      if (n < min || n > max) {
        problems.push({ field: q.id, code: "out_of_range", message: `${q.id}: ${n} is out of range ${min}–${max}`, min, max });
        continue;
      }
      answers[q.id] = n;
      const column = scoreColumns[q.type];
      if (column !== undefined && scores[column] === null) scores[column] = n;
    } else if (q.type === "choice") {
      const allowed = new Set(q.options.map((o) => o.value));
      const unknown = values.find((v) => !allowed.has(v));
      if (unknown !== undefined || (!q.multiple && values.length > 1)) {
        const shown = unknown ?? values.join(", ");
        problems.push({ field: q.id, code: "unknown_choice", message: `${q.id}: "${shown}" is not one of ${[...allowed].join(", ")}` });
        continue;
      }
      answers[q.id] = q.multiple ? values : (values[0] ?? "");
    } else if (q.type === "text") {
      const text = values.join("\n");
      if ([...text].length > q.maxLength) {
        problems.push({ field: q.id, code: "too_long", message: `${q.id}: longer than ${q.maxLength} characters`, max: q.maxLength });
        continue;
      }
      answers[q.id] = text;
      texts.push(text);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { answers, scores, comment: texts.length > 0 ? texts.join("\n") : null } };
}

const scoreColumns: Partial<Record<SurveyQuestion["type"], keyof SurveyItemScores>> = {
  nps: "nps",
  csat: "csat",
  ces: "ces",
  acsi_overall: "acsiOverall",
  acsi_expectations: "acsiExpectations",
  acsi_ideal: "acsiIdeal",
};
