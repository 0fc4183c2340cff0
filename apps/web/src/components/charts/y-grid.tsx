/** Horizontal grid lines with their value labels on the left, shared by the bar and line charts. */
export function YGrid({ ticks, y, left, right, format }: { ticks: readonly number[]; y: (value: number) => number; left: number; right: number; format: (value: number) => string }) {
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
          <text x={left - 6} y={y(tick)} className="chart-axis" textAnchor="end" dominantBaseline="middle">
            {format(tick)}
          </text>
        </g>
      ))}
    </>
  );
}
