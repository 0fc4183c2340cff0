import { svg, type ChartFrame } from "./chart-frame.ts";
import { escapeHtml } from "./escape-html.ts";

export interface HeatMap {
  title: string;
  rowTitle: string;
  columnTitle: string;
  rowLabels: readonly string[];
  columnLabels: readonly string[];
  /** values[row][column]; NaN cells are left blank (impossible combinations). */
  values: readonly (readonly number[])[];
  /** Format of a value in a cell's tooltip. */
  format: (value: number) => string;
}

/**
 * An inline SVG heat map, white to dark blue from the smallest to the largest
 * value; rows drawn top to bottom with the largest row label at the top (as
 * lifetimes' frequency/recency matrix), each cell's value in its tooltip.
 */
export function svgHeatMap(map: HeatMap): string {
  const rows = map.rowLabels.length, columns = map.columnLabels.length;
  const frame: ChartFrame = { width: 640, height: 360, left: 56, right: 70, top: 36, bottom: 44 };
  const { width, height, left, right, top, bottom } = frame;
  const cellW = (width - left - right) / Math.max(columns, 1);
  const cellH = (height - top - bottom) / Math.max(rows, 1);
  let min = Number.POSITIVE_INFINITY, max = Number.NEGATIVE_INFINITY;
  for (const row of map.values) for (const v of row) if (Number.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
  const colour = (v: number): string => {
    const t = max > min ? (v - min) / (max - min) : 0.5;
    // white (247, 251, 255) → dark blue (8, 48, 107)
    const mix = (a: number, b: number): number => Math.round(a + (b - a) * t);
    return `rgb(${mix(247, 8)},${mix(251, 48)},${mix(255, 107)})`;
  };
  const parts = [
    `<text x="${left}" y="20" class="title">${escapeHtml(map.title)}</text>`,
    `<text x="${(left + width - right) / 2}" y="${height - 8}" class="axis-title" text-anchor="middle">${escapeHtml(map.columnTitle)}</text>`,
    `<text x="14" y="${(top + height - bottom) / 2}" class="axis-title" text-anchor="middle" transform="rotate(-90 14 ${(top + height - bottom) / 2})">${escapeHtml(map.rowTitle)}</text>`,
  ];
  const labelEvery = (n: number): number => Math.max(1, Math.ceil(n / 12));
  for (let i = 0; i < rows; i++) {
    const y = top + (rows - 1 - i) * cellH;
    for (let j = 0; j < columns; j++) {
      const v = map.values[i]?.[j] ?? Number.NaN;
      if (!Number.isFinite(v)) continue;
      const tip = `${map.rowTitle} ${map.rowLabels[i]}, ${map.columnTitle} ${map.columnLabels[j]}: ${map.format(v)}`;
      parts.push(`<rect x="${(left + j * cellW).toFixed(1)}" y="${y.toFixed(1)}" width="${(cellW + 0.3).toFixed(1)}" height="${(cellH + 0.3).toFixed(1)}" fill="${colour(v)}"><title>${escapeHtml(tip)}</title></rect>`);
    }
    if (i % labelEvery(rows) === 0) parts.push(`<text x="${left - 6}" y="${(y + cellH / 2).toFixed(1)}" class="tick" text-anchor="end" dominant-baseline="middle">${escapeHtml(map.rowLabels[i] ?? "")}</text>`);
  }
  for (let j = 0; j < columns; j += labelEvery(columns)) {
    parts.push(`<text x="${(left + (j + 0.5) * cellW).toFixed(1)}" y="${height - bottom + 14}" class="tick" text-anchor="middle">${escapeHtml(map.columnLabels[j] ?? "")}</text>`);
  }
  // Colour scale.
  const scaleX = width - right + 16;
  for (let k = 0; k < 10; k++) {
    const v = max - ((max - min) * k) / 9;
    parts.push(`<rect x="${scaleX}" y="${(top + k * ((height - top - bottom) / 10)).toFixed(1)}" width="14" height="${((height - top - bottom) / 10 + 0.3).toFixed(1)}" fill="${colour(v)}"/>`);
  }
  parts.push(`<text x="${scaleX + 18}" y="${top + 8}" class="tick">${escapeHtml(map.format(max))}</text>`);
  parts.push(`<text x="${scaleX + 18}" y="${height - bottom}" class="tick">${escapeHtml(map.format(min))}</text>`);
  return svg(frame, map.title, parts.join(""));
}
