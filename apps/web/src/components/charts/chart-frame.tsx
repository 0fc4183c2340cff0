import type { ReactNode } from "react";
import { useMessages } from "../../i18n/define-messages.ts";
import { commonMessages } from "../../i18n/common-messages.ts";

export interface ChartRow {
  label: string;
  values: readonly string[];
}

/**
 * A chart with its title and, for screen readers and for anyone who would
 * rather read, the same figures as a table in a <details> below it.
 */
export function ChartFrame({ title, description, columns, rows, children }: { title: string; description?: ReactNode; columns: readonly string[]; rows: readonly ChartRow[]; children: ReactNode }) {
  const { t } = useMessages(commonMessages);
  return (
    <figure className="chart">
      <figcaption>
        <span className="chart-title">{title}</span>
        {description && <span className="chart-description">{description}</span>}
      </figcaption>
      {rows.length === 0 ? <p className="chart-empty">{t("chart.noData")}</p> : children}
      {rows.length > 0 && (
        <details className="chart-data">
          <summary>{t("chart.data")}</summary>
          <table>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((value, index) => (
                    <td key={index}>{value}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

/** Round numbers for an axis from 0 to at least `max`: about `count` ticks. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  if ((ticks.at(-1) ?? 0) < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}
