import type { FeedbackLanguage } from "./feedback.ts";

/**
 * Sentiment words per language with their valence (+ positive, − negative;
 * 2 for strong words). English and Russian entries are compared after
 * stemming (`*` = prefix); Japanese and Chinese entries as substrings,
 * longest first. Negators flip the valence of a nearby word: before it in
 * en, ru and zh, after it in ja (満足していません).
 */
export interface SentimentLexicon {
  words: Record<string, number>;
  negators: string[];
}

export const sentimentLexicons: Readonly<Record<FeedbackLanguage, SentimentLexicon>> = {
  en: {
    words: {
      good: 1, great: 2, excellent: 2, amazing: 2, love: 2, like: 1, happy: 1, satisfied: 1, helpful: 1, friendly: 1, fast: 1, quick: 1, easy: 1,
      recommend: 1, perfect: 2, thank: 1, thanks: 1, smooth: 1, reliable: 1, polite: 1, fine: 1, pleased: 1, best: 2, awesome: 2,
      bad: -1, terrible: -2, awful: -2, horrible: -2, worst: -2, hate: -2, poor: -1, slow: -1, late: -1, rude: -2, broken: -1, difficult: -1,
      confusing: -1, expensive: -1, overpriced: -1, disappointed: -2, disappointing: -2, unhappy: -1, angry: -2, problem: -1, issue: -1,
      complaint: -1, useless: -2, wrong: -1, "frustrat*": -2, delay: -1, damaged: -1, unacceptable: -2, annoying: -1, waste: -1,
    },
    negators: ["not", "no", "never", "nor", "without", "hardly", "n't"],
  },
  ru: {
    words: {
      хороший: 1, хорошо: 1, отлично: 2, отличный: 2, прекрасный: 2, замечательно: 2, нравится: 1, доволен: 1, довольна: 1, спасибо: 1, благодарю: 1,
      быстро: 1, удобно: 1, удобный: 1, вежливый: 1, рекомендую: 1, лучший: 2, супер: 2, помогли: 1,
      плохо: -1, плохой: -1, ужасно: -2, ужасный: -2, отвратительно: -2, худший: -2, медленно: -1, долго: -1, грубый: -2, сломан: -1, "сломал*": -1,
      неудобно: -1, дорого: -1, разочарован: -2, недоволен: -1, недовольна: -1, проблема: -1, жалоба: -1, задержка: -1, опоздание: -1, обман: -2, бесполезно: -2,
    },
    negators: ["не", "нет", "ни", "никогда", "без"],
  },
  ja: {
    words: {
      満足: 1, 良い: 1, 良く: 1, 良かった: 1, よかった: 1, 最高: 2, 素晴らしい: 2, ありがとう: 1, 感謝: 1, 丁寧: 1, 親切: 1, 便利: 1, 早い: 1, 速い: 1,
      使いやすい: 1, 安心: 1, おすすめ: 1, 助かり: 1, 嬉しい: 1,
      不満: -1, 悪い: -1, 悪かった: -1, 最悪: -2, 残念: -1, 遅い: -1, 遅れ: -1, 失礼: -2, 不便: -1, 問題: -1, 壊れ: -1, 困: -1, 高すぎ: -1,
      使いにくい: -1, 分かりにくい: -1, わかりにくい: -1, がっかり: -2, ひどい: -2, 不良: -1, 返事がない: -1,
    },
    negators: ["ない", "ません", "なかった", "ず"],
  },
  zh: {
    words: {
      满意: 1, 好: 1, 很好: 1, 不错: 1, 非常好: 2, 优秀: 2, 喜欢: 1, 谢谢: 1, 感谢: 1, 方便: 1, 快: 1, 耐心: 1, 推荐: 1, 专业: 1, 热情: 1, 完美: 2,
      不满: -1, 差: -1, 很差: -2, 太差: -2, 糟糕: -2, 失望: -2, 慢: -1, 贵: -1, 问题: -1, 坏了: -1, 投诉: -1, 麻烦: -1, 难用: -1, 延迟: -1, 态度差: -2, 垃圾: -2,
    },
    negators: ["没有", "不", "没", "无", "未", "别", "非"],
  },
};
