import { describe, expect, it } from "vitest";
import { standardQuestions } from "./survey.ts";
import { surveyLocale, surveyLocales } from "./survey-locale.ts";
import { surveyTexts } from "./survey-texts.ts";
import { ratingScales, type SurveyQuestion } from "./survey-question.ts";
import { validateSurveyAnswers } from "./validate-survey-answers.ts";

describe("validateSurveyAnswers", () => {
  it("accepts the ends of every scale and copies the standard items out", () => {
    const result = validateSurveyAnswers(standardQuestions("ces"), { ces: "7", csat: "1", comment: " slow refund " });
    expect(result).toEqual({
      ok: true,
      value: {
        answers: { ces: 7, csat: 1, comment: "slow refund" },
        scores: { nps: null, csat: 1, ces: 7, acsiOverall: null, acsiExpectations: null, acsiIdeal: null },
        comment: "slow refund",
      },
    });
    expect(validateSurveyAnswers(standardQuestions("nps"), { nps: 0 }).ok).toBe(true);
    expect(validateSurveyAnswers(standardQuestions("nps"), { nps: "10" }).ok).toBe(true);
  });

  it.each([
    ["nps", { nps: "11" }, "nps: 11 is out of range 0–10"],
    ["csat", { csat: "0" }, "csat: 0 is out of range 1–5"],
    ["ces", { ces: "8" }, "ces: 8 is out of range 1–7"],
    ["acsi", { acsi_overall: "5", acsi_expectations: "0", acsi_ideal: "3" }, "acsi_expectations: 0 is out of range 1–10"],
    ["nps", { nps: "7.5" }, 'nps: expected a whole number from 0 to 10, got "7.5"'],
    ["nps", {}, "nps: an answer is required"],
  ] as const)("refuses a bad %s answer naming the field", (kind, raw, message) => {
    const result = validateSurveyAnswers(standardQuestions(kind), raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toEqual([message]);
  });

  it("lists every problem at once", () => {
    const result = validateSurveyAnswers(standardQuestions("acsi"), { acsi_overall: "11", acsi_ideal: "x" });
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.code])).toEqual([
      ["acsi_overall", "out_of_range"],
      ["acsi_expectations", "required"],
      ["acsi_ideal", "not_a_number"],
    ]);
  });

  it("checks choices, multiple choices, importance and text length", () => {
    const questions: SurveyQuestion[] = [
      { id: "channel", type: "choice", required: true, multiple: false, options: [{ value: "web", label: { en: "Web" } }, { value: "shop", label: { en: "Shop" } }], text: { en: "Where?" } },
      { id: "topics", type: "choice", required: false, multiple: true, options: [{ value: "price", label: { en: "Price" } }, { value: "speed", label: { en: "Speed" } }], text: { en: "What?" } },
      { id: "price_matters", type: "importance", required: false, text: { en: "Price" } },
      { id: "note", type: "text", required: false, maxLength: 3, text: { en: "Note" } },
    ];
    expect(validateSurveyAnswers(questions, { channel: "web", topics: ["price", "speed"], price_matters: "5", note: "ok" })).toMatchObject({
      ok: true,
      value: { answers: { channel: "web", topics: ["price", "speed"], price_matters: 5, note: "ok" } },
    });
    const bad = validateSurveyAnswers(questions, { channel: ["web", "shop"], topics: ["tax"], price_matters: "6", note: "long" });
    expect(bad.ok ? [] : bad.problems.map((p) => p.message)).toEqual([
      'channel: "web, shop" is not one of web, shop',
      'topics: "tax" is not one of price, speed',
      "price_matters: 6 is out of range 1–5",
      "note: longer than 3 characters",
    ]);
  });
});

describe("survey texts", () => {
  it("picks the customer's language from a locale tag, English otherwise", () => {
    expect(["ja-JP", "zh_Hant_TW", "RU", "fr-FR", null, ""].map(surveyLocale)).toEqual(["ja", "zh", "ru", "en", "en", "en"]);
  });

  it("has every page text and every rating wording in every language", () => {
    const keys = (o: object): string[] => Object.keys(o).sort();
    for (const locale of surveyLocales) {
      expect(keys(surveyTexts[locale].page)).toEqual(keys(surveyTexts.en.page));
      expect(keys(surveyTexts[locale].ratings)).toEqual(keys(ratingScales));
      for (const w of Object.values(surveyTexts[locale].ratings)) expect(w.question.length * w.low.length * w.high.length).toBeGreaterThan(0);
    }
    expect(surveyTexts.ja.ratings.nps.question).toContain("{company}");
  });
});
