import { ChartFrame } from "./chart-frame.tsx";
import { niceTicks } from "./nice-ticks.ts";
import { YGrid } from "./y-grid.tsx";

export interface Series {
  name: string;
  /** y per x position; null leaves a gap. All series share the x labels. */
  values: readonly (number | null)[];
  dashed?: boolean;
}

const width = 640;
const height = 240;
const pad = { top: 12, right: 12, bottom: 36, left: 56 };
const palette = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)"];

/** Lines over shared x labels (periods, dates), with a legend and the figures in a table. */
export function LineChart({ title, description, labels, series, format, minY }: { title: string; description?: string; labels: readonly string[]; series: readonly Series[]; format: (value: number) => string; minY?: number }) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const low = Math.min(minY ?? 0, ...all);
  const ticks = niceTicks(Math.max(0, ...all) - low).map((tick) => tick + low);
  const top = ticks.at(-1) ?? 1;
  const innerWidth = width - pad.left - pad.right;
  const innerHeight = height - pad.top - pad.bottom;
  const x = (index: number) => pad.left + (labels.length <= 1 ? innerWidth / 2 : (index / (labels.length - 1)) * innerWidth);
  const y = (value: number) => pad.top + innerHeight - ((value - low) / (top - low || 1)) * innerHeight;
  const labelEvery = Math.ceil(labels.length / 8);
  const rows = labels.map((label, index) => ({ label, values: series.map((s) => (s.values[index] === null || s.values[index] === undefined ? "—" : format(s.values[index] as number))) }));
  return (
    <ChartFrame title={title} description={description} columns={["", ...series.map((s) => s.name)]} rows={all.length === 0 ? [] : rows}>
      <svg viewBox={`0 0 ${width} ${height}`} className="chart-svg" role="img" aria-label={title}>
        <YGrid ticks={ticks} y={y} left={pad.left} right={width - pad.right} format={format} />
        {labels.map((label, index) =>
          index % labelEvery === 0 ? (
            <text key={label} x={x(index)} y={height - pad.bottom + 16} className="chart-axis" textAnchor="middle">
              {label}
            </text>
          ) : null,
        )}
        {series.map((s, seriesIndex) => (
          <path key={s.name} d={pathOf(s.values, x, y)} fill="none" stroke={palette[seriesIndex % palette.length]} strokeWidth={2} strokeDasharray={s.dashed ? "6 4" : undefined}>
            <title>{s.name}</title>
          </path>
        ))}
        {/* Points as dots where there are few of them (a single month draws no line). */}
        {labels.length <= 24 &&
          series.map((s, seriesIndex) =>
            s.values.map((value, index) =>
              value === null ? null : <circle key={`${s.name}-${index}`} cx={x(index)} cy={y(value)} r={3} fill={palette[seriesIndex % palette.length]} />,
            ),
          )}
      </svg>
      {series.length > 1 && (
        <ul className="chart-legend">
          {series.map((s, index) => (
            <li key={s.name}>
              <span className="legend-swatch" style={{ background: palette[index % palette.length] }} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </ChartFrame>
  );
}

function pathOf(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let pen = false;
  values.forEach((value, index) => {
    if (value === null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(index).toFixed(1)},${y(value).toFixed(1)}`;
    pen = true;
  });
  return d;
}
