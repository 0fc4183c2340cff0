import { BarChart } from "../../components/charts/bar-chart.tsx";
import { LineChart } from "../../components/charts/line-chart.tsx";
import { StatCard } from "../../components/stat-card.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { customer360Messages } from "./customer-360-messages.ts";
import type { Activity, Profile } from "./customer-360-types.ts";

/** Scores with what they mean, and the purchase history, expected purchases and P(alive) over time. */
export function ValueSection({ scores, history, currency }: { scores: Profile["scores"]; history: Activity["value_history"] | undefined; currency: string }) {
  const { t } = useMessages(customer360Messages);
  const format = useFormat();
  return (
    <section aria-labelledby="value-title">
      <h2 id="value-title">{t("value.title")}</h2>
      {scores ? (
        <div className="grid">
          <StatCard label={t("value.clv")} value={scores.clv ? format.money(scores.clv, currency) : "—"} explanation={t("value.clvHow")} />
          <StatCard
            label={t("value.pAlive")}
            value={format.percent(scores.p_alive)}
            tone={scores.p_alive < 0.5 ? "warning" : "good"}
            explanation={t("value.pAliveHow", { frequency: scores.frequency, recency: format.number(scores.recency), age: format.number(scores.age) })}
          />
          <StatCard
            label={t("value.expected")}
            value={format.number(scores.expected_purchases_365, 1)}
            explanation={t("value.expectedHow", { d90: format.number(scores.expected_purchases_90, 2), d365: format.number(scores.expected_purchases_365, 2) })}
          />
          <StatCard label={t("value.spend")} value={scores.expected_spend ? format.money(scores.expected_spend, currency) : "—"} />
        </div>
      ) : (
        <p className="muted">{t("value.noScores")}</p>
      )}
      {history && history.points.length > 0 ? (
        <div className="grid-wide charts">
          <BarChart
            title={t("value.history")}
            description={t("value.historyHow")}
            bars={history.points.map((p) => ({ label: p.month, value: p.purchases }))}
            valueLabel={t("value.history")}
            format={(v) => format.number(v)}
          />
          <LineChart
            title={t("value.cumulative")}
            description={t("value.cumulativeHow")}
            labels={[...history.points.map((p) => p.month), ...history.forecast.map((f) => f.month)]}
            series={[
              { name: t("value.actual"), values: [...history.points.map((p) => p.repeat_purchases), ...history.forecast.map(() => null)] },
              {
                name: t("value.forecast"),
                dashed: true,
                values: [...history.points.map((p, i) => (i === history.points.length - 1 ? p.repeat_purchases : null)), ...history.forecast.map((f) => f.expected_repeat_purchases)],
              },
              { name: t("value.average"), dashed: true, values: [...history.points.map((p) => p.expected_repeat_purchases), ...history.forecast.map(() => null)] },
            ]}
            format={(v) => format.number(v, 1)}
          />
          <LineChart
            title={t("value.aliveOverTime")}
            description={t("value.aliveHow")}
            labels={history.points.map((p) => p.month)}
            series={[{ name: t("value.pAlive"), values: history.points.map((p) => p.p_alive) }]}
            format={(v) => format.percent(v)}
          />
        </div>
      ) : (
        <p className="muted">{t("value.noHistory")}</p>
      )}
    </section>
  );
}
