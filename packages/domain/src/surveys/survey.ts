import type { Purpose } from "@tenure/shared";
import type { SurveyQuestion } from "./survey-question.ts";

/** Which standard metric a survey measures ("custom" for anything else). */
export type SurveyKind = "nps" | "csat" | "ces" | "acsi" | "custom";

export const surveyKinds: readonly SurveyKind[] = ["nps", "csat", "ces", "acsi", "custom"];

export interface Survey {
  id: string;
  workspaceId: string;
  name: string;
  kind: SurveyKind;
  /** Consent purpose the survey is sent under. */
  purpose: Purpose;
  questions: SurveyQuestion[];
  createdAt: Date;
  archivedAt: Date | null;
}

/**
 * The standard questions of a survey kind: NPS with a "why" comment, CSAT,
 * CES 2.0 with CSAT (after a resolved case), the three ACSI questions, each
 * followed by an optional comment. "custom" starts empty.
 */
export function standardQuestions(kind: SurveyKind): SurveyQuestion[] {
  const comment: SurveyQuestion = {
    id: "comment",
    type: "text",
    required: false,
    maxLength: 2000,
    text: { en: "What is the main reason for your answer?", ja: "そのようにお答えになった主な理由をお聞かせください。", zh: "您给出这个评价的主要原因是什么？", ru: "Почему вы так ответили?" },
  };
  switch (kind) {
    case "nps":
      return [{ id: "nps", type: "nps", required: true }, comment];
    case "csat":
      return [{ id: "csat", type: "csat", required: true }, comment];
    case "ces":
      return [{ id: "ces", type: "ces", required: true }, { id: "csat", type: "csat", required: false }, comment];
    case "acsi":
      return [
        { id: "acsi_overall", type: "acsi_overall", required: true },
        { id: "acsi_expectations", type: "acsi_expectations", required: true },
        { id: "acsi_ideal", type: "acsi_ideal", required: true },
        comment,
      ];
    case "custom":
      return [];
  }
}
