/** Languages a survey page and its questions are written in. */
export type SurveyLocale = "en" | "ja" | "zh" | "ru";

export const surveyLocales: readonly SurveyLocale[] = ["en", "ja", "zh", "ru"];

/**
 * The survey language for a customer's locale tag ("ja-JP" → "ja",
 * "zh-Hant-TW" → "zh"); English when the tag is missing or not supported.
 */
export function surveyLocale(tag: string | null | undefined): SurveyLocale {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return surveyLocales.find((l) => l === primary) ?? "en";
}
