import type { ClvRankingJson } from "@tenure/api-schemas";
import { Link } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { valueMessages } from "./value-messages.ts";
import { ColumnHeaders } from "../../components/column-headers.tsx";

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
        <ColumnHeaders columns={[{ label: t("ranked.rank"), numeric: true }, { label: t("ranked.customer") }, { label: t("ranked.clv"), numeric: true, title: t("ranked.clvHelp") }, { label: t("ranked.pAlive"), numeric: true, title: t("ranked.pAliveHelp") }, { label: t("ranked.next365"), numeric: true }, { label: t("ranked.spend"), numeric: true }, { label: t("ranked.frequency"), numeric: true }]} />
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
