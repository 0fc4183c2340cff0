import type { SurveyLocale } from "./survey-locale.ts";

/** A text in every survey language; English is required and is the fallback. */
export type LocalizedText = { en: string } & Partial<Record<SurveyLocale, string>>;

/** Rating questions with a fixed numeric scale. */
export type RatingType = "nps" | "csat" | "ces" | "acsi_overall" | "acsi_expectations" | "acsi_ideal" | "importance";

export type QuestionType = RatingType | "choice" | "text";

/** Inclusive scale of each rating type: NPS 0–10, CSAT 1–5, CES 2.0 1–7, ACSI 1–10, importance 1–5. */
export const ratingScales: Readonly<Record<RatingType, { min: number; max: number }>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
  acsi_overall: { min: 1, max: 10 },
  acsi_expectations: { min: 1, max: 10 },
  acsi_ideal: { min: 1, max: 10 },
  importance: { min: 1, max: 5 },
};

export const questionTypes: readonly QuestionType[] = [...(Object.keys(ratingScales) as RatingType[]), "choice", "text"];

interface QuestionBase {
  /** Field name of the answer; letters, digits and underscores. */
  id: string;
  required: boolean;
  /** Overrides the standard wording of a rating type; required for importance, choice and text. */
  text?: LocalizedText;
}

export interface RatingQuestion extends QuestionBase {
  type: RatingType;
}

export interface ChoiceQuestion extends QuestionBase {
  type: "choice";
  options: { value: string; label: LocalizedText }[];
  multiple: boolean;
}

export interface TextQuestion extends QuestionBase {
  type: "text";
  maxLength: number;
}

export type SurveyQuestion = RatingQuestion | ChoiceQuestion | TextQuestion;

/** True for the rating types (a numeric scale). */
export function isRatingType(type: QuestionType): type is RatingType {
  return type in ratingScales;
}

/** The text in `locale`, else English. */
export function localize(text: LocalizedText, locale: SurveyLocale): string {
  return text[locale] ?? text.en;
}
