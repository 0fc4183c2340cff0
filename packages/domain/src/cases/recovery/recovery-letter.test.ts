import { describe, expect, it } from "vitest";
import { fillRecoveryLetter, formatLetterDate, unknownPlaceholders } from "./recovery-letter.ts";
import { defaultRecoveryLetterTemplates, namelessAddress, recoveryLetterPlaceholders, type RecoveryLocale } from "./recovery-letter-templates.ts";

const facts = {
  customerName: " 山田 花子 ",
  caseSubject: "配送の遅延",
  caseOpenedAt: new Date("2026-10-02T20:00:00Z"),
  whatWentWrong: "お届けが二週間遅れました。",
  rootCause: "ラベル印刷機の故障です。",
  correctiveAction: "毎日の点検を導入しました。",
  goodwill: null,
  company: "アクメ",
  timeZone: "Asia/Tokyo",
};

describe("fillRecoveryLetter", () => {
  it("fills a Japanese letter with the customer's specifics and the date in the workspace's zone", () => {
    const letter = fillRecoveryLetter("ja", facts);
    expect(letter.subject).toBe("「配送の遅延」の件に関するお詫び");
    expect(letter.body.startsWith("山田 花子 様\n\n拝啓")).toBe(true);
    // 20:00 UTC on 2 October is 3 October in Tokyo
    expect(letter.body).toContain("このたびは、2026年10月3日にお問い合わせいただきました「配送の遅延」の件につきまして");
    expect(letter.body).toContain("原因は次のとおりであることが判明いたしました。\nラベル印刷機の故障です。");
    expect(letter.body.endsWith("敬具")).toBe(true);
    expect(letter.body).not.toMatch(/\{\w+\}/);
    expect(letter.body).not.toMatch(/\n{3}/);
  });

  it("adds the goodwill paragraph only when there is a gesture", () => {
    const withGift = fillRecoveryLetter("en", { ...facts, customerName: "Jane", goodwill: "a 20% discount on your next order" });
    expect(withGift.body).toContain("As a token of our apology, we would like to offer you the following: a 20% discount on your next order.");
    const without = fillRecoveryLetter("en", { ...facts, customerName: "Jane" });
    expect(without.body).not.toContain("token of our apology");
    expect(without.body).toContain("3 October 2026");
  });

  it("greets a customer without a name with the language's name-less salutation, never an empty name", () => {
    const greetings = (["en", "ja", "zh", "ru"] as const).map((locale) => fillRecoveryLetter(locale, { ...facts, customerName: "  " }).body.split("\n")[0]);
    expect(greetings).toEqual(["Dear Customer,", "お客様", "尊敬的客户：", "Здравствуйте!"]);
    for (const locale of ["en", "ja", "zh", "ru"] as const) {
      const body = fillRecoveryLetter(locale, { ...facts, customerName: "" }).body;
      expect(body).not.toMatch(/Dear ,|^ 様|尊敬的：|Здравствуйте, !/m);
      // the rest of the letter is the named letter's
      expect(body.split("\n").slice(1)).toEqual(fillRecoveryLetter(locale, { ...facts, customerName: "X" }).body.split("\n").slice(1));
    }
  });

  it("fills a workspace template's other mentions of a name-less customer with the language's addressee", () => {
    const template = { subject: "For {customer_name}: {case_subject}", body: "Re: {case_subject}\nHello {customer_name}!\n\nThanks, {customer_name}.", goodwill: "{goodwill}" };
    const letter = fillRecoveryLetter("en", { ...facts, customerName: "" }, template);
    expect(letter.subject).toBe(`For ${namelessAddress.en.addressee}: 配送の遅延`);
    expect(letter.body).toBe("Re: 配送の遅延\nDear Customer,\n\nThanks, our customer.");
    expect(fillRecoveryLetter("en", { ...facts, customerName: "Jane" }, template).body).toBe("Re: 配送の遅延\nHello Jane!\n\nThanks, Jane.");
  });

  it("has every default template use only known placeholders and all the facts", () => {
    for (const locale of Object.keys(defaultRecoveryLetterTemplates) as RecoveryLocale[]) {
      const template = defaultRecoveryLetterTemplates[locale];
      expect(unknownPlaceholders(template, recoveryLetterPlaceholders)).toEqual([]);
      for (const p of ["customer_name", "case_subject", "what_went_wrong", "root_cause", "corrective_action", "goodwill_paragraph"]) expect(template.body).toContain(`{${p}}`);
    }
    expect(unknownPlaceholders({ subject: "{subjct}", body: "{customer_name}", goodwill: "{goodwill}" }, recoveryLetterPlaceholders)).toEqual(["subjct"]);
  });

  it("writes dates as each language does", () => {
    const d = new Date("2026-11-01T10:00:00Z");
    expect(["en", "ja", "zh", "ru"].map((l) => formatLetterDate(l as RecoveryLocale, d, "UTC"))).toEqual(["1 November 2026", "2026年11月1日", "2026年11月1日", "1 ноября 2026 г."]);
  });
});
