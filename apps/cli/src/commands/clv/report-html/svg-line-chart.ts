import { chartChrome, defaultFrame, legend, niceTicks, svg, tickLabel } from "./chart-frame.ts";
import { escapeHtml } from "./escape-html.ts";

export interface LineSeries {
  name: string;
  /** CSS class giving its colour and dash: "actual" or "predicted". */
  className: string;
  y: readonly number[];
}

export interface LineChart {
  title: string;
  xTitle: string;
  yTitle: string;
  x: readonly number[];
  series: readonly LineSeries[];
  /** A vertical marker (e.g. the end of calibration) at this x, with its label. */
  marker?: { x: number; label: string };
}

/** An inline SVG line chart (no script, no external resource). */
export function svgLineChart(chart: LineChart): string {
  const frame = defaultFrame;
  const { width, height, left, right, top, bottom } = frame;
  const xs = chart.x;
  const xMin = Math.min(...xs), xMax = Math.max(...xs);
  const values = chart.series.flatMap((s) => s.y.filter(Number.isFinite));
  const yTicks = niceTicks(0, Math.max(...values, 1e-9));
  const yMax = Math.max(yTicks[yTicks.length - 1] ?? 1, ...values);
  const px = (v: number): number => left + ((v - xMin) / (xMax - xMin || 1)) * (width - left - right);
  const py = (v: number): number => height - bottom - (v / (yMax || 1)) * (height - top - bottom);
  const parts = [chartChrome(frame, chart.title, chart.xTitle, chart.yTitle, yTicks, py)];
  for (const t of niceTicks(xMin, xMax, 8)) {
    parts.push(`<text x="${px(t).toFixed(1)}" y="${height - bottom + 14}" class="tick" text-anchor="middle">${tickLabel(t)}</text>`);
  }
  if (chart.marker) {
    const mx = px(chart.marker.x).toFixed(1);
    parts.push(`<line x1="${mx}" x2="${mx}" y1="${top}" y2="${height - bottom}" class="marker"/>`);
    parts.push(`<text x="${mx}" y="${top + 10}" class="tick" text-anchor="end" dx="-4">${escapeHtml(chart.marker.label)}</text>`);
  }
  for (const s of chart.series) {
    const points = s.y.map((v, i) => (Number.isFinite(v) ? `${px(xs[i]!).toFixed(1)},${py(v).toFixed(1)}` : "")).filter((p) => p !== "");
    parts.push(`<polyline points="${points.join(" ")}" class="line ${s.className}"/>`);
  }
  parts.push(legend(frame, chart.series));
  return svg(frame, chart.title, parts.join(""));
}
