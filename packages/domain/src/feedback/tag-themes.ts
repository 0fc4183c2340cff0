import type { FeedbackLanguage, ThemeDictionary } from "./feedback.ts";
import { findPattern, keywordPattern, matchesBySubstring, normalizeText, stem, words } from "./text-tokens.ts";

/**
 * The themes of a text: every theme of the dictionary with a keyword in it,
 * in the dictionary's order. English and Russian compare stemmed words
 * (a keyword may be a phrase; `*` at its end makes its last word a prefix);
 * Japanese and Chinese match keywords as substrings.
 */
export function tagThemes(text: string, language: FeedbackLanguage, dictionary: ThemeDictionary): string[] {
  const entries = Object.entries(dictionary);
  if (matchesBySubstring(language)) {
    const normal = normalizeText(text);
    const found = (k: string) => {
      const bare = normalizeText(k.trim().replace(/\*$/, ""));
      return bare !== "" && normal.includes(bare);
    };
    return entries.filter(([, keywords]) => keywords.some(found)).map(([theme]) => theme);
  }
  const tokens = words(text);
  const stems = tokens.map((w) => stem(w, language));
  return entries.filter(([, keywords]) => keywords.some((k) => findPattern(keywordPattern(k, language), tokens, stems) >= 0)).map(([theme]) => theme);
}

/** Theme names: lower-case letters, digits and underscores, up to 40 characters. */
export const themeNamePattern = /^[a-z][a-z0-9_]{0,39}$/;

/** Problems of a dictionary a workspace wants to save (field paths name the theme); empty when it is good. */
export function checkThemeDictionary(dictionary: ThemeDictionary): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const entries = Object.entries(dictionary);
  if (entries.length === 0 || entries.length > 100) problems.push({ field: "themes", message: "themes: give 1 to 100 themes" });
  for (const [theme, keywords] of entries) {
    if (!themeNamePattern.test(theme)) problems.push({ field: `themes.${theme}`, message: `themes.${theme}: a theme name is lower-case letters, digits and _ (up to 40), starting with a letter` });
    if (keywords.length === 0 || keywords.length > 200) problems.push({ field: `themes.${theme}`, message: `themes.${theme}: give 1 to 200 keywords` });
    keywords.forEach((k, i) => {
      const bare = k.trim().replace(/\*$/, "");
      if (bare === "" || k.length > 60) problems.push({ field: `themes.${theme}.${i}`, message: `themes.${theme}.${i}: a keyword is 1 to 60 characters, "*" only at its end` });
      else if (bare.includes("*")) problems.push({ field: `themes.${theme}.${i}`, message: `themes.${theme}.${i}: "*" may only end a keyword` });
    });
  }
  return problems;
}
