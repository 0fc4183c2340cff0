import { ChartFrame } from "../../components/charts/chart-frame.tsx";
import type { HeatMap as HeatMapData } from "./clv-report.ts";

const width = 640;
const height = 300;
const pad = { top: 10, right: 10, bottom: 40, left: 48 };

/** White → brand blue for 0 → 1, so a darker cell is a likelier-active customer. */
function shade(value: number): string {
  const v = Math.min(1, Math.max(0, value));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * v);
  return `rgb(${mix(247, 31)}, ${mix(250, 78)}, ${mix(252, 121)})`;
}

/**
 * A frequency × recency heat map (P(alive) of a customer of the oldest age,
 * Fader, Hardie & Lee 2005, figure 2): one cell per (repeat purchases,
 * recency); the figures are in the table below it too.
 */
export function HeatMap({ title, description, data, xLabel, yLabel, format }: { title: string; description: string; data: HeatMapData; xLabel: string; yLabel: string; format: (v: number) => string }) {
  const columns = data.recencies.length;
  const rows = data.frequencies.length;
  const cellW = (width - pad.left - pad.right) / Math.max(1, columns);
  const cellH = (height - pad.top - pad.bottom) / Math.max(1, rows);
  const everyX = Math.ceil(columns / 10);
  const everyY = Math.ceil(rows / 8);
  const round = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  return (
    <ChartFrame
      title={title}
      description={description}
      columns={[`${yLabel} \\ ${xLabel}`, ...data.recencies.map(round)]}
      rows={data.frequencies.map((f, i) => ({ label: String(f), values: (data.values[i] ?? []).map((v) => (v === null ? "—" : format(v))) }))}
    >
      <svg viewBox={`0 0 ${width} ${height}`} className="chart-svg" role="img" aria-label={title}>
        {data.frequencies.map((f, i) =>
          data.recencies.map((r, j) => {
            const value = data.values[i]?.[j] ?? null;
            // Highest frequency at the top, as in the paper's figures.
            const y = pad.top + (rows - 1 - i) * cellH;
            return value === null ? null : (
              <rect key={`${i}-${j}`} x={pad.left + j * cellW} y={y} width={cellW + 0.5} height={cellH + 0.5} fill={shade(value)}>
                <title>{`${yLabel} ${f}, ${xLabel} ${round(r)}: ${format(value)}`}</title>
              </rect>
            );
          }),
        )}
        {data.recencies.map((r, j) =>
          j % everyX === 0 ? (
            <text key={`x${j}`} x={pad.left + (j + 0.5) * cellW} y={height - pad.bottom + 14} className="chart-axis" textAnchor="middle">
              {round(r)}
            </text>
          ) : null,
        )}
        {data.frequencies.map((f, i) =>
          i % everyY === 0 ? (
            <text key={`y${i}`} x={pad.left - 6} y={pad.top + (rows - 1 - i + 0.5) * cellH} className="chart-axis" textAnchor="end" dominantBaseline="middle">
              {f}
            </text>
          ) : null,
        )}
        <text x={pad.left + (width - pad.left - pad.right) / 2} y={height - 6} className="chart-axis" textAnchor="middle">
          {xLabel}
        </text>
        <text x={12} y={pad.top + (height - pad.top - pad.bottom) / 2} className="chart-axis" textAnchor="middle" transform={`rotate(-90 12 ${pad.top + (height - pad.top - pad.bottom) / 2})`}>
          {yLabel}
        </text>
      </svg>
    </ChartFrame>
  );
}
