import { escapeHtml } from "./escape-html.ts";

/** Plot area inside an SVG of width × height, with room for axes and a legend. */
export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const defaultFrame: ChartFrame = { width: 640, height: 320, left: 56, right: 16, top: 36, bottom: 44 };

/** "Nice" tick values covering [min, max]: steps of 1, 2 or 5 × 10^k. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Short tick label: 1.2k, 3.5M, or up to 3 significant digits. */
export function tickLabel(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (abs >= 1e4) return `${Number((value / 1e3).toPrecision(3))}k`;
  return String(Number(value.toPrecision(3)));
}

/** Title, axis titles, and the y grid with its labels. */
export function chartChrome(frame: ChartFrame, title: string, xTitle: string, yTitle: string, yTicks: readonly number[], y: (v: number) => number): string {
  const { width, height, left, right, top, bottom } = frame;
  const parts = [
    `<text x="${left}" y="20" class="title">${escapeHtml(title)}</text>`,
    `<text x="${(left + width - right) / 2}" y="${height - 8}" class="axis-title" text-anchor="middle">${escapeHtml(xTitle)}</text>`,
    `<text x="14" y="${(top + height - bottom) / 2}" class="axis-title" text-anchor="middle" transform="rotate(-90 14 ${(top + height - bottom) / 2})">${escapeHtml(yTitle)}</text>`,
  ];
  for (const t of yTicks) {
    const py = y(t).toFixed(1);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${py}" y2="${py}" class="grid"/>`);
    parts.push(`<text x="${left - 6}" y="${py}" class="tick" text-anchor="end" dominant-baseline="middle">${tickLabel(t)}</text>`);
  }
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" class="axis"/>`);
  return parts.join("");
}

/** A legend row at the top right: one swatch per series. */
export function legend(frame: ChartFrame, entries: readonly { name: string; className: string }[]): string {
  let x = frame.width - frame.right - entries.reduce((sum, e) => sum + 28 + e.name.length * 7, 0);
  return entries
    .map((e) => {
      const item = `<rect x="${x.toFixed(0)}" y="12" width="14" height="10" class="${e.className} swatch"/><text x="${(x + 18).toFixed(0)}" y="21" class="tick">${escapeHtml(e.name)}</text>`;
      x += 28 + e.name.length * 7;
      return item;
    })
    .join("");
}

/** Wrap chart content in an <svg> with an accessible title. */
export function svg(frame: ChartFrame, title: string, content: string): string {
  return `<svg viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}" role="img" aria-label="${escapeHtml(title)}">${content}</svg>`;
}
