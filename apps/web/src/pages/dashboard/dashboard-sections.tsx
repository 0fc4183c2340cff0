import type { ReactNode } from "react";
import { Link } from "react-router";
import { isApiError } from "../../api/api-error.ts";
import type { ApiState } from "../../api/use-api.ts";
import { BarChart } from "../../components/charts/bar-chart.tsx";
import { LineChart } from "../../components/charts/line-chart.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { dashboardMessages } from "./dashboard-messages.ts";
import { distributionOf, type ClvFit, type FollowUp, type Satisfaction } from "./dashboard-types.ts";

/** Renders `children(data)` once loaded; a role without the permission sees a quiet note, other errors in full. */
export function Loaded<T>({ state, children }: { state: ApiState<T>; children: (data: T) => ReactNode }) {
  const { t } = useMessages(dashboardMessages);
  if (state.error !== null) {
    if (isApiError(state.error) && state.error.status === 403) return <p className="muted">{t("notForRole")}</p>;
    return <ErrorMessage error={state.error} onRetry={state.reload} />;
  }
  if (!state.data) return <Loading />;
  return <>{children(state.data)}</>;
}

export function Distributions({ fit }: { fit: ApiState<ClvFit> }) {
  const { t } = useMessages(dashboardMessages);
  const format = useFormat();
  if (fit.error !== null && isApiError(fit.error) && fit.error.status === 404) return <EmptyState title={t("clvDistribution")}>{t("noFit")}</EmptyState>;
  return (
    <Loaded state={fit}>
      {(data) => {
        const clv = distributionOf(data.report, "clv");
        const alive = distributionOf(data.report, "probabilityAlive");
        const band = (edges: number[], i: number, show: (v: number) => string) => `${show(edges[i] ?? 0)}–${show(edges[i + 1] ?? 0)}`;
        return (
          <div className="grid-wide">
            <BarChart
              title={t("clvDistribution")}
              description={t("clvDistributionHow")}
              bars={(clv?.counts ?? []).map((count, i) => ({ label: format.compact(clv?.edges[i] ?? 0), value: count }))}
              valueLabel={t("customersAxis")}
              format={(v) => format.number(v)}
            />
            <BarChart
              title={t("aliveDistribution")}
              description={t("aliveDistributionHow")}
              bars={(alive?.counts ?? []).map((count, i) => ({ label: band(alive?.edges ?? [], i, (v) => format.percent(v)), value: count }))}
              valueLabel={t("customersAxis")}
              format={(v) => format.number(v)}
            />
          </div>
        );
      }}
    </Loaded>
  );
}

export function SatisfactionTrend({ satisfaction }: { satisfaction: ApiState<Satisfaction> }) {
  const { t } = useMessages(dashboardMessages);
  const format = useFormat();
  return (
    <Loaded state={satisfaction}>
      {(data) =>
        data.responses === 0 ? (
          <EmptyState title={t("trend")}>{t("npsNone")}</EmptyState>
        ) : (
          <LineChart
            title={t("trend")}
            description={t("trendHow")}
            labels={data.series.map((s) => s.month)}
            series={[
              { name: "NPS", values: data.series.map((s) => s.nps) },
              { name: "CSI", values: data.series.map((s) => s.csi) },
            ]}
            format={(v) => format.number(v)}
            minY={-100}
          />
        )
      }
    </Loaded>
  );
}

export function FollowUpsDue({ followUps }: { followUps: ApiState<{ items: FollowUp[] }> }) {
  const { t } = useMessages(dashboardMessages);
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t("followUps")}</h2>
      <p className="muted small">{t("followUpsHow")}</p>
      <Loaded state={followUps}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t("followUpsNone")}</p>
          ) : (
            <ul className="plain-list">
              {data.items.map((f) => (
                <li key={f.id}>
                  <Link to={`/customers/${f.customer_id}`}>{t(`reasons.${f.reason}`)}</Link> · {t("due", { when: format.dateTime(f.due_at) })}{" "}
                  {f.overdue && <span className="badge badge-danger">{t("overdue")}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
