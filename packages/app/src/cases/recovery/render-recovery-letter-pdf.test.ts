import { defaultRecoveryLetterTemplates, fillRecoveryLetter, formatLetterDate, type RecoveryLocale } from "@tenure/domain";
import { describe, expect, it } from "vitest";
import { pdfText } from "./testing/pdf-text.ts";
import { renderRecoveryLetterPdf } from "./render-recovery-letter-pdf.ts";

const opened = new Date("2026-10-03T01:00:00Z");
const facts = {
  en: { customerName: "Jane Doe", caseSubject: "Late delivery", whatWentWrong: "Your order arrived two weeks late.", rootCause: "A warehouse label printer failed.", correctiveAction: "We added a daily check." },
  ja: { customerName: "山田 花子", caseSubject: "配送の遅延", whatWentWrong: "ご注文の商品のお届けが二週間遅れました。", rootCause: "倉庫のラベル印刷機の故障です。", correctiveAction: "毎日の点検を導入しました。" },
  zh: { customerName: "王伟", caseSubject: "发货延误", whatWentWrong: "您的订单晚到了两周。", rootCause: "仓库的标签打印机发生故障。", correctiveAction: "我们增加了每日检查。" },
  ru: { customerName: "Иван Петров", caseSubject: "Задержка доставки", whatWentWrong: "Ваш заказ пришёл на две недели позже.", rootCause: "Сломался принтер этикеток на складе.", correctiveAction: "Мы ввели ежедневную проверку." },
} satisfies Record<RecoveryLocale, object>;

const squash = (s: string): string => s.replace(/\s+/g, "");

describe("recovery letter PDF", () => {
  it.each(Object.keys(facts) as RecoveryLocale[])("shows a %s letter's own script as text, with the signer, fonts embedded", async (locale) => {
    const text = fillRecoveryLetter(locale, { ...facts[locale], caseOpenedAt: opened, goodwill: null, company: "Acme", timeZone: "Asia/Tokyo" });
    const pdf = await renderRecoveryLetterPdf({ locale, company: "Acme", date: formatLetterDate(locale, opened, "UTC"), subject: text.subject, body: text.body, signer: { name: "佐藤 一郎", title: "Head of Service" } });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // embedded TrueType subsets, not a reference to a font the reader may lack
    expect(pdf.toString("latin1")).toMatch(/\/FontFile2/);
    const { pages } = await pdfText(pdf);
    const all = squash(pages.join(""));
    expect(all).toContain(squash(facts[locale].rootCause));
    expect(all).toContain(squash(facts[locale].customerName));
    expect(all).toContain(squash(defaultRecoveryLetterTemplates[locale].body.split("\n").at(-1) ?? ""));
    expect(all).toContain("佐藤一郎");
    expect(all).toContain("HeadofService");
  });

  it("falls back to the Chinese font for a character the Japanese one lacks, and marks an unapproved draft", async () => {
    const pdf = await renderRecoveryLetterPdf({ locale: "ja", company: "Acme", date: "2026年10月3日", subject: "お詫び", body: "王伟们 様\n本文", signer: null });
    const { pages } = await pdfText(pdf);
    const all = squash(pages.join(""));
    expect(all).toContain("王伟们様");
    expect(all).toContain("下書き（未承認）");
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/NotoSansJP/);
    expect(raw).toMatch(/NotoSansSC/);
  });
});
