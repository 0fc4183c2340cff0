import type { RecoveryLocale, RecoverySigner } from "@tenure/domain";
import PDFDocument from "pdfkit";
import { fontRuns, letterFonts } from "./recovery-letter-fonts.ts";

/** Everything printed on a recovery letter. */
export interface RecoveryLetterDocument {
  locale: RecoveryLocale;
  company: string;
  /** Already formatted in the letter's language (formatLetterDate). */
  date: string;
  subject: string;
  body: string;
  /** Null while the letter is not approved: no signature, a "draft" banner instead. */
  signer: RecoverySigner | null;
}

const draftBanner: Record<RecoveryLocale, string> = {
  en: "DRAFT — not yet approved",
  ja: "下書き（未承認）",
  zh: "草稿（尚未审批）",
  ru: "ЧЕРНОВИК — ещё не утверждено",
};

const languageTags: Record<RecoveryLocale, string> = { en: "en", ja: "ja-JP", zh: "zh-CN", ru: "ru-RU" };

/**
 * Render a recovery letter as an A4 PDF (pdfkit) with Noto Sans embedded as
 * subsets, so Latin, Cyrillic, Japanese and Chinese text shows on any reader
 * and can be searched and copied (pdfkit writes a ToUnicode map).
 */
export async function renderRecoveryLetterPdf(letter: RecoveryLetterDocument): Promise<Buffer> {
  const fonts = letterFonts(letter.locale);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 64, bottom: 64, left: 68, right: 68 },
    lang: languageTags[letter.locale],
    info: { Title: letter.subject, Author: letter.company, Creator: "Tenure" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  for (const f of fonts) doc.registerFont(f.name, f.bytes);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const line = (text: string, size: number, options: PDFKit.Mixins.TextOptions = {}): void => {
    doc.fontSize(size);
    if (text === "") {
      doc.moveDown(0.6);
      return;
    }
    const runs = fontRuns(text, fonts);
    runs.forEach((run, i) => {
      doc.font(run.font.name).text(run.text, { width, lineGap: 3, ...options, continued: i < runs.length - 1 });
    });
  };

  if (letter.signer === null) {
    doc.fillColor("#b00020");
    line(draftBanner[letter.locale], 10);
    doc.fillColor("black").moveDown(0.5);
  }
  line(letter.company, 15);
  line(letter.date, 10, { align: "right" });
  doc.moveDown(1);
  line(letter.subject, 13);
  doc.moveDown(0.8);
  for (const text of letter.body.split("\n")) line(text, 10.5);
  if (letter.signer !== null) {
    doc.moveDown(1.5);
    line(letter.signer.name, 11);
    if (letter.signer.title !== null && letter.signer.title.trim() !== "") line(letter.signer.title, 10);
    line(letter.company, 10);
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
