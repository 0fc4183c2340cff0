import { ChartFrame } from "./chart-frame.tsx";
import { niceTicks } from "./nice-ticks.ts";
import { YGrid } from "./y-grid.tsx";

export interface Bar {
  label: string;
  value: number;
}

const width = 640;
const height = 220;
const pad = { top: 12, right: 12, bottom: 36, left: 56 };

/**
 * Vertical bars (a histogram when the labels are bins). Scales to its
 * container; the figures are also in a table below it.
 */
export function BarChart({ title, description, bars, valueLabel, format }: { title: string; description?: string; bars: readonly Bar[]; valueLabel: string; format: (value: number) => string }) {
  const ticks = niceTicks(Math.max(0, ...bars.map((bar) => bar.value)), 4, bars.every((bar) => Number.isInteger(bar.value)));
  const top = ticks.at(-1) ?? 1;
  const innerWidth = width - pad.left - pad.right;
  const innerHeight = height - pad.top - pad.bottom;
  const slot = innerWidth / Math.max(1, bars.length);
  const y = (value: number) => pad.top + innerHeight - (value / top) * innerHeight;
  const labelEvery = Math.ceil(bars.length / 10);
  return (
    <ChartFrame title={title} description={description} columns={["", valueLabel]} rows={bars.map((bar) => ({ label: bar.label, values: [format(bar.value)] }))}>
      <svg viewBox={`0 0 ${width} ${height}`} className="chart-svg" role="img" aria-label={title}>
        <YGrid ticks={ticks} y={y} left={pad.left} right={width - pad.right} format={format} />
        {bars.map((bar, index) => (
          <g key={bar.label}>
            <rect x={pad.left + index * slot + slot * 0.1} y={y(bar.value)} width={slot * 0.8} height={Math.max(0, pad.top + innerHeight - y(bar.value))} className="chart-bar">
              <title>{`${bar.label}: ${format(bar.value)}`}</title>
            </rect>
            {index % labelEvery === 0 && (
              <text x={pad.left + index * slot + slot / 2} y={height - pad.bottom + 16} className="chart-axis" textAnchor="middle">
                {bar.label}
              </text>
            )}
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
