import type { FeedbackLanguage } from "./feedback.ts";
import { sentimentLexicons } from "./sentiment-lexicons.ts";
import { keywordPattern, matchesBySubstring, normalizeText, stem, words, type KeywordPattern } from "./text-tokens.ts";

/** How far a negator reaches: words before (en, ru), characters before (zh) or after (ja, up to the next punctuation). */
const negationWindow = { words: 3, zhChars: 2, jaChars: 6 };
/** VADER's normalisation constant: Σ / √(Σ² + α) maps any sum into (−1, 1). */
const alpha = 15;

/**
 * Lexicon sentiment of a text, −1 … 1, without any outside service: the sum
 * of the valences of its sentiment words (sentimentLexicons), each flipped
 * when a negator governs it ("not good", "не доволен", "不满意" is a word of
 * its own, "没有问题", "満足していません"), normalised as in VADER
 * (Hutto & Gilbert 2014): s / √(s² + 15). Rounded to 3 decimals.
 */
export function scoreSentiment(text: string, language: FeedbackLanguage): number {
  const sum = matchesBySubstring(language) ? substringValence(normalizeText(text), language) : wordValence(text, language);
  return sum === 0 ? 0 : Math.round((sum / Math.sqrt(sum * sum + alpha)) * 1000) / 1000;
}

const wordPatterns = new Map<FeedbackLanguage, { pattern: KeywordPattern; valence: number }[]>();

function patternsOf(language: FeedbackLanguage): { pattern: KeywordPattern; valence: number }[] {
  let patterns = wordPatterns.get(language);
  if (patterns === undefined) {
    patterns = Object.entries(sentimentLexicons[language].words).map(([word, valence]) => ({ pattern: keywordPattern(word, language), valence }));
    wordPatterns.set(language, patterns);
  }
  return patterns;
}

function wordValence(text: string, language: FeedbackLanguage): number {
  const tokens = words(text);
  const stems = tokens.map((w) => stem(w, language));
  const negators = sentimentLexicons[language].negators;
  const isNegator = (w: string) => negators.includes(w) || (language === "en" && /n['’]t$/.test(w));
  let sum = 0;
  tokens.forEach((token, i) => {
    const hit = patternsOf(language).find(({ pattern }) => pattern.words.length === 1 && (pattern.prefix ? token.startsWith(pattern.words[0] ?? "") : stems[i] === pattern.words[0]));
    if (hit === undefined) return;
    const negated = tokens.slice(Math.max(0, i - negationWindow.words), i).some(isNegator);
    sum += negated ? -hit.valence : hit.valence;
  });
  return sum;
}

function substringValence(text: string, language: FeedbackLanguage): number {
  const { words: lexicon, negators } = sentimentLexicons[language];
  const entries = Object.entries(lexicon).sort(([a], [b]) => b.length - a.length);
  let sum = 0;
  for (let i = 0; i < text.length; ) {
    const hit = entries.find(([word]) => text.startsWith(word, i));
    if (hit === undefined) {
      i++;
      continue;
    }
    const [word, valence] = hit;
    const end = i + word.length;
    const negated =
      language === "ja"
        ? negators.some((n) => (text.slice(end, end + negationWindow.jaChars).split(/[。、！？!?,.\s]/)[0] ?? "").includes(n))
        : negators.some((n) => text.slice(Math.max(0, i - negationWindow.zhChars), i).endsWith(n));
    sum += negated ? -valence : valence;
    i = end;
  }
  return sum;
}
