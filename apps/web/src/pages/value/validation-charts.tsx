import type { ClvValidationJson } from "@tenure/api-schemas";
import { isApiError } from "../../api/api-error.ts";
import { useApi } from "../../api/use-api.ts";
import { LineChart } from "../../components/charts/line-chart.tsx";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { valueMessages } from "./value-messages.ts";

/** The holdout check: calibration against holdout per frequency, and the tracking plot (computed on request by the server). */
export function ValidationCharts() {
  const { t } = useMessages(valueMessages);
  const format = useFormat();
  const validation = useApi<ClvValidationJson>("/api/analytics/clv/validation");
  if (isApiError(validation.error) && validation.error.status === 409) return <p className="muted">{t("charts.validationEmpty")}</p>;
  if (validation.error !== null) return <ErrorMessage error={validation.error} onRetry={validation.reload} />;
  if (!validation.data) return <Loading />;
  const v = validation.data;
  const unit = t(`stats.units.${v.period_unit}`);
  const holdout = format.number(v.holdout_periods);
  return (
    <>
      <p className="muted small">{t("charts.calibrationHow", { end: format.date(v.calibration_end), holdout, unit })}</p>
      <div className="grid-wide">
        <LineChart
          title={t("charts.holdout")}
          description={t("charts.holdoutHow", { holdout, unit })}
          labels={v.calibration_holdout.map((r) => `${r.frequency}${r.pooled ? "+" : ""}`)}
          series={[
            { name: t("charts.observed"), values: v.calibration_holdout.map((r) => (r.customers > 0 ? r.actual : null)) },
            { name: t("charts.predicted"), values: v.calibration_holdout.map((r) => (r.customers > 0 ? r.predicted : null)), dashed: true },
          ]}
          format={(x) => format.number(x, 2)}
        />
        <LineChart
          title={t("charts.tracking")}
          description={t("charts.trackingHow", { unit, cut: format.number(v.tracking.period[v.tracking.calibration_end_index] ?? 0) })}
          labels={v.tracking.period.map((p) => format.number(p))}
          series={[
            { name: t("charts.observed"), values: v.tracking.actual },
            { name: t("charts.predicted"), values: v.tracking.predicted, dashed: true },
          ]}
          format={(x) => format.number(x)}
        />
      </div>
    </>
  );
}
