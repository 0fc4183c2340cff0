import { chartChrome, defaultFrame, legend, niceTicks, svg } from "./chart-frame.ts";
import { escapeHtml } from "./escape-html.ts";

export interface BarChart {
  title: string;
  xTitle: string;
  yTitle: string;
  /** One label per group of bars. */
  groups: readonly string[];
  /** Each series has one value per group, drawn side by side. */
  series: readonly { name: string; className: string; values: readonly number[] }[];
}

/** An inline SVG grouped bar chart, with each bar's value in its tooltip. */
export function svgBarChart(chart: BarChart): string {
  const frame = defaultFrame;
  const { width, height, left, right, top, bottom } = frame;
  const values = chart.series.flatMap((s) => s.values.filter(Number.isFinite));
  const yTicks = niceTicks(0, Math.max(...values, 1e-9));
  const yMax = Math.max(yTicks[yTicks.length - 1] ?? 1, ...values);
  const py = (v: number): number => height - bottom - (v / (yMax || 1)) * (height - top - bottom);
  const groupWidth = (width - left - right) / Math.max(chart.groups.length, 1);
  const barWidth = (groupWidth * 0.8) / Math.max(chart.series.length, 1);
  const parts = [chartChrome(frame, chart.title, chart.xTitle, chart.yTitle, yTicks, py)];
  chart.groups.forEach((label, g) => {
    const x0 = left + g * groupWidth + groupWidth * 0.1;
    chart.series.forEach((s, k) => {
      const v = s.values[g] ?? Number.NaN;
      if (!Number.isFinite(v)) return;
      const y = py(v);
      parts.push(
        `<rect x="${(x0 + k * barWidth).toFixed(1)}" y="${y.toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${(height - bottom - y).toFixed(1)}" class="bar ${s.className}"><title>${escapeHtml(`${s.name}, ${label}: ${v.toPrecision(4)}`)}</title></rect>`,
      );
    });
    parts.push(`<text x="${(x0 + groupWidth * 0.4).toFixed(1)}" y="${height - bottom + 14}" class="tick" text-anchor="middle">${escapeHtml(label)}</text>`);
  });
  parts.push(legend(frame, chart.series));
  return svg(frame, chart.title, parts.join(""));
}
