import type { FeedbackThemesJson } from "@tenure/api-schemas";
import { useApi } from "../../api/use-api.ts";
import { LineChart } from "../../components/charts/line-chart.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { satisfactionMessages } from "./satisfaction-messages.ts";
import { ColumnHeaders } from "../../components/column-headers.tsx";

/** Feedback themes per week: the most mentioned as lines, every theme in a table with its rising test. */
export function ThemesPanel() {
  const { t } = useMessages(satisfactionMessages);
  const format = useFormat();
  const themes = useApi<FeedbackThemesJson>("/api/analytics/feedback/themes", { weeks: 12 });
  if (themes.error !== null) return <ErrorMessage error={themes.error} onRetry={themes.reload} />;
  if (!themes.data) return <Loading />;
  const data = themes.data;
  if (data.themes.length === 0) return <EmptyState title={t("themes.empty")} />;
  const top = [...data.themes].sort((a, b) => Number(b.rising) - Number(a.rising) || b.total - a.total).slice(0, 4);
  const lastComplete = data.weeks.indexOf(data.tested_week);
  return (
    <>
      <p className="muted small">{t("themes.how", { alpha: format.number(data.test.alpha, 2) })}</p>
      <LineChart
        title={t("themes.chart")}
        labels={data.weeks.map((w) => format.date(w))}
        series={top.map((theme) => ({ name: theme.theme, values: theme.counts }))}
        format={(v) => format.number(v)}
      />
      <div className="table-wrap">
        <table>
          <ColumnHeaders columns={[{ label: t("themes.theme") }, { label: t("themes.total"), numeric: true }, { label: t("themes.baseline"), numeric: true }, { label: t("themes.sentiment"), numeric: true }, { label: t("themes.rising") }]} />
          <tbody>
            {data.themes.map((theme) => {
              const sentiment = lastComplete >= 0 ? (theme.sentiment[lastComplete] ?? null) : null;
              return (
                <tr key={theme.theme}>
                  <th scope="row">{theme.theme}</th>
                  <td className="num">{format.number(theme.total)}</td>
                  <td className="num">{theme.baseline === null ? "—" : format.number(theme.baseline, 1)}</td>
                  <td className="num">{sentiment === null ? "—" : format.number(sentiment, 2)}</td>
                  <td>{theme.rising ? <span className="badge badge-warning">{t("themes.risingYes", { p: format.number(theme.p_value ?? 0, 3) })}</span> : t("themes.risingNo")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
