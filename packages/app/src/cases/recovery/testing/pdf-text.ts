import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of every page of a PDF, as a reader's copy-and-paste would give it (tests). */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: string[]; fonts: string[] }> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const fonts = new Set<string>();
  for (let i = 1; i <= document.numPages; i++) {
    const page = await document.getPage(i);
    const content = await page.getTextContent();
    const parts: string[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      parts.push(item.str);
      if (item.hasEOL) parts.push("\n");
      const style = content.styles[item.fontName];
      if (style !== undefined) fonts.add(item.fontName);
    }
    pages.push(parts.join(""));
  }
  await document.destroy();
  return { pages, fonts: [...fonts] };
}
