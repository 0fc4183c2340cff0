import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { RecoveryLocale } from "@tenure/domain";
import * as fontkit from "fontkit";

/** One embedded font: its bytes (for pdfkit) and its glyph coverage (fontkit). */
export interface LetterFont {
  name: "NotoSansJP" | "NotoSansSC";
  bytes: Buffer;
  hasGlyph(codePoint: number): boolean;
}

// Noto Sans JP / SC Regular (SIL Open Font License 1.1), shipped as TTF by the
// @expo-google-fonts packages; see docs/decisions/0005-recovery-letter-pdf.md.
const files = {
  NotoSansJP: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  NotoSansSC: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
} as const;

const loaded = new Map<LetterFont["name"], LetterFont>();

function font(name: LetterFont["name"]): LetterFont {
  const cached = loaded.get(name);
  if (cached) return cached;
  const bytes = readFileSync(createRequire(import.meta.url).resolve(files[name]));
  const parsed = fontkit.create(bytes);
  if (!("hasGlyphForCodePoint" in parsed)) throw new Error(`${files[name]} is a font collection, expected one font`);
  const entry: LetterFont = { name, bytes, hasGlyph: (cp) => parsed.hasGlyphForCodePoint(cp) };
  loaded.set(name, entry);
  return entry;
}

/**
 * Fonts for a letter, first choice first. Japanese letters use Noto Sans JP
 * (Japanese glyph shapes) and fall back to Noto Sans SC for characters it
 * lacks (e.g. a simplified-Chinese name); every other language uses Noto Sans
 * SC, which covers Latin, Cyrillic, kana and hanzi.
 */
export function letterFonts(locale: RecoveryLocale): LetterFont[] {
  return locale === "ja" ? [font("NotoSansJP"), font("NotoSansSC")] : [font("NotoSansSC"), font("NotoSansJP")];
}

/** A line cut into runs, each drawn with the first font of the stack that has all its glyphs. */
export function fontRuns(text: string, fonts: readonly LetterFont[]): { font: LetterFont; text: string }[] {
  const [first] = fonts;
  if (first === undefined) throw new Error("fontRuns needs at least one font");
  const runs: { font: LetterFont; text: string }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const last = runs[runs.length - 1];
    // spaces keep the current font: no needless font switches
    const chosen = /\s/.test(ch) && last ? last.font : (fonts.find((f) => f.hasGlyph(cp)) ?? first);
    if (last && last.font === chosen) last.text += ch;
    else runs.push({ font: chosen, text: ch });
  }
  return runs;
}
