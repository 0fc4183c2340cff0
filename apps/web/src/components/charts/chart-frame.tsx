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
