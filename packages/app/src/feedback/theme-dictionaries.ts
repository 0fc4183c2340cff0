import { checkThemeDictionary, defaultThemeDictionaries, surveyLocales, type FeedbackLanguage, type Repositories, type ThemeDictionary } from "@tenure/domain";
import { AppError, type RequestContext } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

function languageOf(text: string): FeedbackLanguage {
  const language = surveyLocales.find((l) => l === text);
  if (language === undefined) throw new AppError("invalid_language", "invalid_input", `lang: one of ${surveyLocales.join(", ")}, got "${text}"`, { field: "lang" });
  return language;
}

/** The theme dictionary in force for a language, and whether it is the workspace's own or the default. */
export async function getThemeDictionary(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "feedback"> },
  lang: string,
): Promise<{ language: FeedbackLanguage; custom: boolean; themes: ThemeDictionary }> {
  authorize(ctx, "analytics.read");
  const language = languageOf(lang);
  const own = await deps.repositories.feedback.findDictionary(ctx.workspaceId, language);
  return { language, custom: own !== null, themes: own ?? defaultThemeDictionaries[language] };
}

/**
 * Replace the workspace's dictionary for a language (analytics.run: it
 * changes how feedback is analysed, like a survey or a segment). Items
 * already stored keep their themes; new items use the new dictionary.
 */
export async function putThemeDictionary(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "feedback"> },
  lang: string,
  themes: ThemeDictionary,
  now: Date = new Date(),
): Promise<{ language: FeedbackLanguage; custom: true; themes: ThemeDictionary }> {
  authorize(ctx, "analytics.run");
  const language = languageOf(lang);
  const problems = checkThemeDictionary(themes);
  const [first] = problems;
  if (first !== undefined) throw new AppError("invalid_dictionary", "invalid_input", problems.map((p) => p.message).join("; "), { field: first.field, problems });
  const cleaned = Object.fromEntries(Object.entries(themes).map(([theme, keywords]) => [theme, keywords.map((k) => k.trim())]));
  await deps.repositories.feedback.saveDictionary(ctx.workspaceId, language, cleaned, now);
  return { language, custom: true, themes: cleaned };
}
