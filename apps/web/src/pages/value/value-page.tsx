import type { ClvFitJson, ClvRefitAcceptedJson } from "@tenure/api-schemas";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { isApiError } from "../../api/api-error.ts";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { useSession } from "../../app/session.tsx";
import { BarChart } from "../../components/charts/bar-chart.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { StatCard } from "../../components/stat-card.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat, type Format } from "../../i18n/format.ts";
import { readClvReport, type Distribution } from "./clv-report.ts";
import { HeatMap } from "./heat-map.tsx";
import { ParameterTable } from "./parameter-table.tsx";
import { RankedCustomers } from "./ranked-customers.tsx";
import { ValidationCharts } from "./validation-charts.tsx";
import { valueMessages } from "./value-messages.ts";

/** Bars of a histogram, labelled by the lower edge of each bin with enough digits to tell the bins apart. */
function bins(distribution: Distribution, format: Format, percent = false) {
  const width = (distribution.edges[1] ?? 1) - (distribution.edges[0] ?? 0);
  const digits = Math.max(0, Math.min(4, Math.ceil(-Math.log10(percent ? width * 100 : width))));
  const label = (v: number) => (percent ? format.percent(v, digits) : format.number(v, digits));
  return distribution.counts.map((count, i) => ({ label: label(distribution.edges[i] ?? 0), value: count }));
}

/** Value: the customer-value model report (fit, parameters, diagnostics charts) and the customers ranked by CLV. */
export default function ValuePage() {
  const { t } = useMessages(valueMessages);
  const format = useFormat();
  const session = useSession();
  const fit = useApi<ClvFitJson>("/api/analytics/clv");
  const [refit, setRefit] = useState<{ message: string | null; error: unknown }>({ message: null, error: null });

  async function askRefit() {
    setRefit({ message: null, error: null });
    try {
      const outcome = await api<ClvRefitAcceptedJson>("/api/analytics/clv/refit", { method: "POST" });
      setRefit({ message: outcome.status === "completed" ? t("refitDone") : t("refitQueued"), error: null });
      fit.reload();
    } catch (error) {
      setRefit({ message: null, error });
    }
  }

  const refitButton = session.can("analytics.run") && (
    <button type="button" className="button" onClick={() => void askRefit()}>
      {t("refit")}
    </button>
  );
  const notYet = isApiError(fit.error) && fit.error.status === 404;
  return (
    <div className="value-page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {refit.message && (
        <p className="panel" role="status">
          {refit.message}
        </p>
      )}
      {refit.error !== null && <ErrorMessage error={refit.error} />}
      {notYet ? (
        <EmptyState title={t("empty.title")} action={<span className="toolbar">{refitButton}<Link className="button" to="/imports">{t("empty.imports")}</Link></span>}>
          {t("empty.body")}
        </EmptyState>
      ) : fit.error !== null ? (
        <ErrorMessage error={fit.error} onRetry={fit.reload} />
      ) : !fit.data ? (
        <Loading />
      ) : (
        <FitReport fit={fit.data} format={format} refitButton={refitButton} />
      )}
      <h2>{t("ranked.title")}</h2>
      <RankedCustomers />
    </div>
  );
}

function FitReport({ fit, format, refitButton }: { fit: ClvFitJson; format: Format; refitButton: ReactNode }) {
  const { t } = useMessages(valueMessages);
  const report = readClvReport(fit.report);
  const unit = t(`stats.units.${report.periodUnit ?? "week"}`);
  const money = (v: number) => format.number(v, 2);
  return (
    <>
      <div className="grid">
        <StatCard label={t("stats.model")} value={fit.model.toUpperCase()} explanation={t("stats.modelHow", { customers: format.number(fit.customers), rows: format.number(fit.rows), when: format.dateTime(fit.computed_at) })} />
        <StatCard label={t("stats.logLikelihood")} value={fit.log_likelihood === null ? "—" : format.number(fit.log_likelihood, 1)} explanation={t("stats.logLikelihoodHow")} />
        <StatCard label={t("stats.converged")} value={fit.converged ? t("stats.convergedYes") : t("stats.convergedNo")} tone={fit.converged ? "good" : "warning"} explanation={report.reason ?? t("stats.convergedHow")} />
        <StatCard
          label={t("stats.horizon")}
          value={report.settings.horizonMonths === null ? "—" : t("stats.horizonValue", { months: format.number(report.settings.horizonMonths) })}
          explanation={t("stats.horizonHow", {
            margin: report.settings.margin === null ? "—" : format.percent(report.settings.margin),
            rate: report.settings.annualDiscountRate === null ? "—" : format.percent(report.settings.annualDiscountRate, 1),
            end: report.observationEnd ? format.date(report.observationEnd) : "—",
            unit,
          })}
        />
      </div>
      <p className="toolbar">{refitButton}</p>

      <h2>{t("params.title")}</h2>
      <p className="muted small">{t("params.caption")}</p>
      <ParameterTable params={fit.params} errors={fit.standard_errors} />
      {report.spend && (
        <>
          <h3>{t("params.spendTitle")}</h3>
          <p className="muted small">
            {t("params.spendHow", { customers: format.number(report.spend.customers ?? 0), mean: report.spend.populationMean === null ? "—" : money(report.spend.populationMean) })}
          </p>
          <ParameterTable params={report.spend.params} errors={report.spend.standardErrors} />
        </>
      )}

      <div className="grid-wide charts">
        {report.repeatPurchases && (
          <BarChart
            title={t("charts.repeat")}
            description={t("charts.repeatHow")}
            bars={[
              { label: t("charts.observed"), value: report.repeatPurchases.actual },
              { label: t("charts.predicted"), value: report.repeatPurchases.predicted },
            ]}
            valueLabel={t("charts.purchases")}
            format={(v) => format.number(v)}
          />
        )}
        {report.heatMap && (
          <HeatMap
            title={t("charts.heat")}
            description={t("charts.heatHow", { T: format.number(report.heatMap.T), unit })}
            data={report.heatMap}
            xLabel={t("charts.recency")}
            yLabel={t("charts.frequency")}
            format={(v) => format.percent(v)}
          />
        )}
        {report.pAlive && (
          <BarChart
            title={t("charts.pAlive")}
            description={t("charts.pAliveHow", { p50: format.percent(report.pAlive.quantiles.p50, 1), p10: format.percent(report.pAlive.quantiles.p10, 1) })}
            bars={bins(report.pAlive, format, true)}
            valueLabel={t("charts.customers")}
            format={(v) => format.number(v)}
          />
        )}
        {report.clv && (
          <BarChart
            title={t("charts.clv")}
            description={t("charts.clvHow", { p50: money(report.clv.quantiles.p50), mean: money(report.clv.mean), p90: money(report.clv.quantiles.p90), above: format.number(report.clv.above) })}
            bars={bins(report.clv, format)}
            valueLabel={t("charts.customers")}
            format={(v) => format.number(v)}
          />
        )}
      </div>
      <h2>{t("charts.calibration")}</h2>
      <ValidationCharts />
      {report.notes.length > 0 && (
        <>
          <h3>{t("notes")}</h3>
          <ul className="muted small">
            {report.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
