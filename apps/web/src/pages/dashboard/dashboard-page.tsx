import { useApi } from "../../api/use-api.ts";
import { StatCard } from "../../components/stat-card.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { dashboardMessages } from "./dashboard-messages.ts";
import { Distributions, FollowUpsDue, Loaded, SatisfactionTrend } from "./dashboard-sections.tsx";
import type { CaseList, ClvFit, Dashboard, FollowUp, Satisfaction, ServiceMetrics } from "./dashboard-types.ts";

const openStatuses = "new,open,pending_customer,on_hold";

/** The dashboard: headline figures, value distributions, satisfaction trend, service and follow-ups. */
export default function DashboardPage() {
  const { t } = useMessages(dashboardMessages);
  const format = useFormat();
  const figures = useApi<Dashboard>("/api/analytics/dashboard");
  const fit = useApi<ClvFit>("/api/analytics/clv");
  const satisfaction = useApi<Satisfaction>("/api/analytics/satisfaction");
  const cases = useApi<CaseList>("/api/cases", { status: openStatuses, limit: 1 });
  const service = useApi<ServiceMetrics>("/api/analytics/service");
  const followUps = useApi<{ items: FollowUp[] }>("/api/follow-ups", { limit: 8 });
  return (
    <>
      <h1>{t("title")}</h1>
      <Loaded state={figures}>
        {(d) => (
          <div className="grid">
            <StatCard label={t("customers")} value={format.number(d.customers)} explanation={t("customersHow", { scored: format.number(d.scored_customers) })} />
            <StatCard label={t("revenue")} value={format.money(d.revenue_last_year, d.currency, true)} explanation={t("revenueHow", { currency: d.currency, total: format.money(d.revenue, d.currency, true) })} />
            <StatCard
              label={t("atRisk")}
              value={format.money(d.value_at_risk, d.currency, true)}
              tone="warning"
              explanation={t("atRiskHow", { count: format.number(d.at_risk_customers), threshold: format.percent(d.risk_threshold) })}
            />
            <Loaded state={cases}>{(c) => <StatCard label={t("openCases")} value={format.number(c.total)} explanation={t("openCasesHow")} />}</Loaded>
            <Loaded state={service}>
              {(s) => (
                <StatCard
                  label={t("sla")}
                  value={s.total?.sla_attainment === null || s.total?.sla_attainment === undefined ? "—" : format.percent(s.total.sla_attainment, 1)}
                  explanation={s.sla_available ? t("slaHow") : t("slaNone")}
                />
              )}
            </Loaded>
            <Loaded state={satisfaction}>
              {(s) => (
                <StatCard
                  label={t("nps")}
                  value={s.nps.value === null ? "—" : format.number(s.nps.value)}
                  explanation={s.nps.value === null ? t("npsNone") : t("npsHow", { responses: format.number(s.responses), margin: format.number(s.nps.margin_of_error ?? 0, 1) })}
                />
              )}
            </Loaded>
          </div>
        )}
      </Loaded>
      <Distributions fit={fit} />
      <div className="grid-wide charts">
        <SatisfactionTrend satisfaction={satisfaction} />
        <FollowUpsDue followUps={followUps} />
      </div>
    </>
  );
}
