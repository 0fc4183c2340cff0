import { Link } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { describeError, Loading } from "../../components/feedback.tsx";
import { StatCard } from "../../components/stat-card.tsx";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { customer360Messages } from "./customer-360-messages.ts";
import type { CaseList, Profile } from "./customer-360-types.ts";

/** Surveys the customer answered (latest scores) and their cases. */
export function ServiceSection({ customerId, satisfaction }: { customerId: string; satisfaction: Profile["satisfaction"] }) {
  const { t } = useMessages(customer360Messages);
  const common = useMessages(commonMessages);
  const format = useFormat();
  const cases = useApi<CaseList>("/api/cases", { customer: customerId, limit: 20 });
  const answered = satisfaction.nps || satisfaction.csat || satisfaction.ces || satisfaction.csi !== null;
  return (
    <div className="grid-wide">
      <section className="panel" aria-labelledby="surveys-title">
        <h2 id="surveys-title">{t("satisfaction.title")}</h2>
        {answered ? (
          <div className="grid">
            {satisfaction.nps && <StatCard label={t("satisfaction.nps")} value={satisfaction.nps.value} explanation={format.date(satisfaction.nps.at)} />}
            {satisfaction.csat && <StatCard label={t("satisfaction.csat")} value={satisfaction.csat.value} explanation={format.date(satisfaction.csat.at)} />}
            {satisfaction.ces && <StatCard label={t("satisfaction.ces")} value={satisfaction.ces.value} explanation={format.date(satisfaction.ces.at)} />}
            {satisfaction.csi !== null && <StatCard label={t("satisfaction.csi")} value={format.number(satisfaction.csi, 1)} />}
            <StatCard label={t("satisfaction.followUps")} value={satisfaction.open_follow_ups} />
          </div>
        ) : (
          <p className="muted">{t("satisfaction.none")}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="cases-title">
        <h2 id="cases-title">{t("cases.title")}</h2>
        {cases.loading && <Loading />}
        {cases.error !== null && <p className="muted">{t("cases.unavailable", { reason: describeError(cases.error, common.t) })}</p>}
        {cases.data && cases.data.items.length === 0 && <p className="muted">{t("cases.empty")}</p>}
        {cases.data && cases.data.items.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("cases.subject")}</th>
                  <th scope="col">{t("cases.status")}</th>
                  <th scope="col">{t("cases.priority")}</th>
                  <th scope="col">{t("cases.opened")}</th>
                </tr>
              </thead>
              <tbody>
                {cases.data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/cases/${c.id}`}>{c.subject}</Link>
                    </td>
                    <td>{c.status}</td>
                    <td>{c.priority}</td>
                    <td>{format.date(c.opened_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
