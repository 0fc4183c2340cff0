import type { ClvRankingJson } from "@tenure/api-schemas";
import { Link } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { valueMessages } from "./value-messages.ts";

/** The 25 customers of highest CLV, each a link to its 360. */
export function RankedCustomers() {
  const { t } = useMessages(valueMessages);
  const format = useFormat();
  const ranking = useApi<ClvRankingJson>("/api/analytics/clv/customers", { limit: 25 });
  if (ranking.error !== null) return <ErrorMessage error={ranking.error} onRetry={ranking.reload} />;
  if (!ranking.data) return <Loading />;
  if (ranking.data.items.length === 0) return <EmptyState title={t("ranked.empty")} />;
  return (
    <div className="table-wrap">
      <table>
        <caption className="muted small">{t("ranked.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("ranked.rank")}
            </th>
            <th scope="col">{t("ranked.customer")}</th>
            <th scope="col" className="num" title={t("ranked.clvHelp")}>
              {t("ranked.clv")}
            </th>
            <th scope="col" className="num" title={t("ranked.pAliveHelp")}>
              {t("ranked.pAlive")}
            </th>
            <th scope="col" className="num">
              {t("ranked.next365")}
            </th>
            <th scope="col" className="num">
              {t("ranked.spend")}
            </th>
            <th scope="col" className="num">
              {t("ranked.frequency")}
            </th>
          </tr>
        </thead>
        <tbody>
          {ranking.data.items.map((row, index) => (
            <tr key={row.customer_id}>
              <td className="num">{format.number(index + 1)}</td>
              <td>
                <Link to={`/customers/${encodeURIComponent(row.customer_id)}`}>{row.customer_id}</Link>
              </td>
              <td className="num">{format.number(Number(row.clv), 2)}</td>
              <td className="num">{format.percent(row.p_alive)}</td>
              <td className="num">{format.number(row.expected_purchases_365, 1)}</td>
              <td className="num">{row.expected_spend === null ? "—" : format.number(Number(row.expected_spend), 2)}</td>
              <td className="num">{format.number(row.frequency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
