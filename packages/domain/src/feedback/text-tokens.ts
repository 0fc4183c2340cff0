import type { FeedbackLanguage } from "./feedback.ts";

/** Japanese and Chinese are written without spaces: their keywords match as substrings. */
export function matchesBySubstring(language: FeedbackLanguage): boolean {
  return language === "ja" || language === "zh";
}

/** NFKC, lower case, ё → е: the form every comparison works on. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/ё/g, "е");
}

/** The words of a normalised text (letters and digits, with inner apostrophes and hyphens). */
export function words(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

const russianEndings = [
  "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "иям", "ией",
  "ах", "ях", "ам", "ям", "ом", "ем", "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ов", "ев", "ых", "их", "ым", "им",
  "а", "я", "ы", "и", "у", "ю", "е", "о", "ь",
];

/**
 * A light stem so that inflected forms compare equal: Russian drops its
 * longest noun or adjective case ending (доставка, доставки, доставкой →
 * доставк); English drops a plural or verb ending (deliveries → delivery,
 * waiting → wait, charges → charge). Stems keep at least three letters.
 */
export function stem(word: string, language: FeedbackLanguage): string {
  if (language === "ru") {
    for (const ending of russianEndings) if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
    return word;
  }
  if (language !== "en" || word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 4) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** A dictionary or lexicon keyword ready to match: its stemmed words, the last one a prefix when it ended in `*`. */
export interface KeywordPattern {
  words: string[];
  prefix: boolean;
}

export function keywordPattern(keyword: string, language: FeedbackLanguage): KeywordPattern {
  const trimmed = keyword.trim();
  const prefix = trimmed.endsWith("*");
  const parts = words(prefix ? trimmed.slice(0, -1) : trimmed);
  return { words: parts.map((w, i) => (prefix && i === parts.length - 1 ? w : stem(w, language))), prefix };
}

/** Where the pattern starts in the stemmed words (`stems` beside their raw `tokens`), or -1 from `from` on. */
export function findPattern(pattern: KeywordPattern, tokens: readonly string[], stems: readonly string[], from = 0): number {
  const n = pattern.words.length;
  if (n === 0) return -1;
  outer: for (let i = from; i + n <= stems.length; i++) {
    for (let j = 0; j < n; j++) {
      const want = pattern.words[j] ?? "";
      const last = j === n - 1;
      const ok = last && pattern.prefix ? (tokens[i + j] ?? "").startsWith(want) : stems[i + j] === want;
      if (!ok) continue outer;
    }
    return i;
  }
  return -1;
}
