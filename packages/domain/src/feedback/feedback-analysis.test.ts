import { describe, expect, it } from "vitest";
import { defaultThemeDictionaries } from "./default-theme-dictionaries.ts";
import { risingVerdict } from "./rising-themes.ts";
import { scoreSentiment } from "./score-sentiment.ts";
import { checkThemeDictionary, tagThemes } from "./tag-themes.ts";

describe("tagThemes", () => {
  it("matches English words after stemming, prefixes and phrases", () => {
    expect(tagThemes("The deliveries were late and the courier was rude", "en", defaultThemeDictionaries.en)).toEqual(["delivery", "support"]);
    expect(tagThemes("You overcharged me twice on the last invoices", "en", defaultThemeDictionaries.en)).toEqual(["billing"]);
    expect(tagThemes("Good value for money", "en", defaultThemeDictionaries.en)).toEqual(["price"]);
    expect(tagThemes("Lovely colours", "en", defaultThemeDictionaries.en)).toEqual([]);
  });

  it("matches Russian stems across inflection", () => {
    const dict = { delivery: ["доставка"], price: ["цена"] };
    expect(tagThemes("Доставку ждали неделю, доставкой недоволен", "ru", dict)).toEqual(["delivery"]);
    expect(tagThemes("Цены выросли", "ru", dict)).toEqual(["price"]);
    expect(tagThemes("Спасибо", "ru", dict)).toEqual([]);
  });

  it("matches Japanese and Chinese keywords as substrings", () => {
    expect(tagThemes("配送が遅くて、サポートの対応も悪かった", "ja", defaultThemeDictionaries.ja)).toEqual(["delivery", "support"]);
    expect(tagThemes("快递太慢了，价格也贵", "zh", defaultThemeDictionaries.zh)).toEqual(["delivery", "price", "speed"]);
  });

  it("refuses a dictionary with a bad theme name, no keywords or a misplaced star", () => {
    expect(checkThemeDictionary(defaultThemeDictionaries.en)).toEqual([]);
    expect(checkThemeDictionary({ "Bad Name": ["x"], empty: [], star: ["a*b"] }).map((p) => p.field)).toEqual(["themes.Bad Name", "themes.empty", "themes.star.0"]);
  });
});

describe("scoreSentiment", () => {
  it("scores positive and negative words and flips negated ones", () => {
    expect(scoreSentiment("Great service, very helpful", "en")).toBeGreaterThan(0.5);
    expect(scoreSentiment("Terrible, the parcel was late", "en")).toBeLessThan(-0.5);
    expect(scoreSentiment("The agent was not helpful", "en")).toBeLessThan(0);
    expect(scoreSentiment("I don't hate it", "en")).toBeGreaterThan(0);
    expect(scoreSentiment("The sky is blue", "en")).toBe(0);
  });

  it("handles negation in Russian, Chinese and Japanese", () => {
    expect(scoreSentiment("Очень доволен, спасибо", "ru")).toBeGreaterThan(0);
    expect(scoreSentiment("Не доволен доставкой", "ru")).toBeLessThan(0);
    expect(scoreSentiment("服务很好，谢谢", "zh")).toBeGreaterThan(0);
    expect(scoreSentiment("不满意，太差了", "zh")).toBeLessThan(0);
    expect(scoreSentiment("没有问题", "zh")).toBeGreaterThan(0);
    expect(scoreSentiment("とても満足しています", "ja")).toBeGreaterThan(0);
    expect(scoreSentiment("満足していません", "ja")).toBeLessThan(0);
    expect(scoreSentiment("問題ないです", "ja")).toBeGreaterThan(0);
  });

  it("grows with more sentiment words and stays within −1 … 1", () => {
    expect(scoreSentiment("great great", "en")).toBeGreaterThan(scoreSentiment("great", "en"));
    expect(scoreSentiment("great ".repeat(200), "en")).toBeLessThanOrEqual(1);
    expect(scoreSentiment("awful ".repeat(200), "en")).toBeGreaterThanOrEqual(-1);
  });
});

describe("rising themes", () => {
  it("flags a count well above its own trailing mean, not noise or small numbers", () => {
    expect(risingVerdict([3, 4, 2, 3, 5, 3, 4, 3, 14])).toMatchObject({ rising: true, baseline: 3.375 });
    expect(risingVerdict([3, 4, 2, 3, 5, 3, 4, 3, 6]).rising).toBe(false);
    expect(risingVerdict([0, 0, 0, 0, 0, 0, 0, 0, 4]).rising).toBe(false);
    expect(risingVerdict([0, 0, 0, 0, 0, 0, 0, 0, 6]).rising).toBe(true);
    expect(risingVerdict([1, 1, 9])).toEqual({ rising: false, baseline: null, pValue: null });
  });
});
