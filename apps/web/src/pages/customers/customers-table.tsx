import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { customersMessages } from "./customers-messages.ts";
import type { CustomerMetrics, CustomerRow } from "./customer-types.ts";

/** One page of customers with the value and service columns. */
export function CustomersTable({ rows, metrics, currency }: { rows: readonly CustomerRow[]; metrics: ReadonlyMap<string, CustomerMetrics>; currency: string }) {
  const { t } = useMessages(customersMessages);
  const format = useFormat();
  const dash = "—";
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.name")}</th>
            <th scope="col">{t("columns.email")}</th>
            <th scope="col">{t("columns.type")}</th>
            <th scope="col">{t("columns.country")}</th>
            <th scope="col">{t("columns.owner")}</th>
            <th scope="col" className="num">{t("columns.clv")}</th>
            <th scope="col" className="num" title={t("pAliveHelp")}>{t("columns.pAlive")}</th>
            <th scope="col" className="num">{t("columns.nps")}</th>
            <th scope="col" className="num">{t("columns.openCases")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const m = metrics.get(c.id);
            return (
              <tr key={c.id}>
                <td>
                  <Link to={`/customers/${c.id}`}>{c.name ?? c.external_id ?? c.id}</Link>
                </td>
                <td>{c.email ?? dash}</td>
                <td>{t(c.kind === "person" ? "person" : "organization")}</td>
                <td>{c.country ?? dash}</td>
                <td>{m?.owner_name ?? dash}</td>
                <td className="num">{m?.clv ? format.money(m.clv, currency) : dash}</td>
                <td className="num">{m?.p_alive === null || m?.p_alive === undefined ? dash : <RiskBadge value={m.p_alive} text={format.percent(m.p_alive)} />}</td>
                <td className="num">{m?.nps ?? dash}</td>
                <td className="num">{m ? m.open_cases : dash}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** P(alive) with a warning tint below 50 % (the dashboard's risk threshold); the number is always shown. */
function RiskBadge({ value, text }: { value: number; text: string }) {
  return <span className={value < 0.5 ? "badge badge-warning" : undefined}>{text}</span>;
}
