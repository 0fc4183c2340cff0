import { EmptyState } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { customer360Messages } from "./customer-360-messages.ts";
import type { Activity } from "./customer-360-types.ts";

const statusKeys = ["completed", "cancelled", "returned", "pending"] as const;

/** Latest orders and payments, and the contracts. */
export function ActivityTables({ activity }: { activity: Activity }) {
  const { t } = useMessages(customer360Messages);
  const format = useFormat();
  const status = (s: string) => (statusKeys.find((k) => k === s) ? t(`statuses.${s as (typeof statusKeys)[number]}`) : s);
  return (
    <div className="grid-wide">
      <section className="panel" aria-labelledby="orders-title">
        <h2 id="orders-title">{t("orders.title")}</h2>
        {activity.orders.length === 0 ? (
          <EmptyState title={t("orders.empty")} />
        ) : (
          <div className="table-wrap scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("orders.date")}</th>
                  <th scope="col">{t("orders.number")}</th>
                  <th scope="col">{t("orders.status")}</th>
                  <th scope="col" className="num">{t("orders.total")}</th>
                </tr>
              </thead>
              <tbody>
                {activity.orders.map((o) => (
                  <tr key={o.id}>
                    <td>{format.date(o.ordered_at)}</td>
                    <td>{o.external_id}</td>
                    <td>{status(o.status)}</td>
                    <td className="num">{format.money(o.total, o.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="payments-title">
        <h2 id="payments-title">{t("payments.title")}</h2>
        {activity.payments.length === 0 ? (
          <EmptyState title={t("payments.empty")} />
        ) : (
          <div className="table-wrap scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("payments.date")}</th>
                  <th scope="col">{t("payments.method")}</th>
                  <th scope="col" className="num">{t("payments.amount")}</th>
                </tr>
              </thead>
              <tbody>
                {activity.payments.map((p) => (
                  <tr key={p.id}>
                    <td>{format.date(p.paid_at)}</td>
                    <td>{p.method ?? "—"}</td>
                    <td className="num">{format.money(p.amount, p.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h2 id="contracts-title">{t("contracts.title")}</h2>
        {activity.contracts.length === 0 ? (
          <p className="muted">{t("contracts.empty")}</p>
        ) : (
          <ul className="plain-list" aria-labelledby="contracts-title">
            {activity.contracts.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> <span className="badge">{c.status}</span>
                <br />
                <span className="small">
                  {t("contracts.period")}: {format.date(c.starts_on)} – {c.ends_on ? format.date(c.ends_on) : "…"} · {t("contracts.value")}: {format.money(c.annual_value, c.currency)}
                  {c.renewal_on && ` · ${t("contracts.renewal")}: ${format.date(c.renewal_on)}`}
                  {c.auto_renew && ` · ${t("contracts.autoRenew")}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
