import type { auditListSchema } from "@tenure/api-schemas";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { apiUrl, type Query } from "../../api/client.ts";
import type { Infer } from "../../api/schema-types.ts";
import { useApi } from "../../api/use-api.ts";
import { BarChart } from "../../components/charts/bar-chart.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { adminMessages } from "./admin-messages.ts";
import { ColumnHeaders } from "../../components/column-headers.tsx";

type AuditPage = Infer<typeof auditListSchema>;
interface Filters {
  actor: string;
  customer: string;
  action: string;
  from: string;
  to: string;
}
const noFilters: Filters = { actor: "", customer: "", action: "", from: "", to: "" };
const pageSize = 50;

/** A date input's day (local midnight) as the API's ISO timestamp. */
function dayStart(day: string): string | undefined {
  return day ? new Date(`${day}T00:00:00`).toISOString() : undefined;
}

/** The audit trail with filters (actor, customer, action, dates), pages of 50 and a CSV download of the same rows. */
export function AuditSection() {
  const { t } = useMessages(adminMessages);
  const common = useMessages(commonMessages).t;
  const format = useFormat();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [cursors, setCursors] = useState<string[]>([]);
  const query: Query = {
    actor: filters.actor.trim() || undefined,
    customer: filters.customer.trim() || undefined,
    action: filters.action.trim() || undefined,
    from: dayStart(filters.from),
    to: dayStart(filters.to),
  };
  const page = useApi<AuditPage>("/api/audit", { ...query, limit: pageSize, cursor: cursors.at(-1) });

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setCursors([]);
  }

  const field = (name: keyof Filters, type = "text") => (
    <div className="field">
      <label htmlFor={`audit-${name}`}>{t(`audit.${name}`)}</label>
      <input id={`audit-${name}`} type={type} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} autoComplete="off" />
    </div>
  );

  const perDay = new Map<string, number>();
  for (const row of page.data?.items ?? []) {
    const day = format.date(row.occurred_at);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }

  return (
    <>
      <form className="toolbar" onSubmit={apply} aria-label={t("audit.filters")}>
        {field("actor")}
        {field("customer")}
        {field("action")}
        {field("from", "date")}
        {field("to", "date")}
        <div className="toolbar">
          <button type="submit" className="button button-primary">
            {t("audit.apply")}
          </button>
          <button type="button" className="button" onClick={() => (setDraft(noFilters), setFilters(noFilters), setCursors([]))}>
            {t("audit.clear")}
          </button>
          <a className="button" href={apiUrl("/api/audit", { ...query, format: "csv", limit: 10000 })} download="audit.csv">
            {t("audit.csv")}
          </a>
        </div>
      </form>
      {page.error ? (
        <ErrorMessage error={page.error} onRetry={page.reload} />
      ) : !page.data ? (
        <Loading />
      ) : page.data.items.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <>
          {perDay.size > 1 && <BarChart title={t("audit.chart")} bars={[...perDay].reverse().map(([label, value]) => ({ label, value }))} valueLabel={t("audit.what")} format={(v) => format.number(v)} />}
          <div className="table-wrap">
            <table className="audit-table">
              <caption>{t("audit.caption")}</caption>
              <ColumnHeaders columns={[{ label: t("audit.when") }, { label: t("audit.who") }, { label: t("audit.role") }, { label: t("audit.what") }, { label: t("audit.customer") }, { label: t("audit.fields") }, { label: t("audit.purposeCol") }, { label: t("audit.request") }]} />
              <tbody>
                {page.data.items.map((row) => (
                  <tr key={row.id}>
                    <td>{format.dateTime(row.occurred_at)}</td>
                    <td>
                      <code>{row.actor_id}</code>
                    </td>
                    <td>{row.role}</td>
                    <td>
                      <code>{row.action}</code>
                    </td>
                    <td>{row.customer_id ? <Link to={`/customers/${encodeURIComponent(row.customer_id)}`}>{row.customer_id}</Link> : common("none")}</td>
                    <td>{row.fields.length > 0 ? row.fields.join(", ") : common("none")}</td>
                    <td>{row.purpose ?? common("none")}</td>
                    <td>
                      <code className="small">{row.request_id}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="toolbar">
            {cursors.length > 0 && (
              <button type="button" className="button" onClick={() => setCursors([])}>
                {t("audit.first")}
              </button>
            )}
            {page.data.next_cursor && (
              <button type="button" className="button" onClick={() => setCursors([...cursors, page.data?.next_cursor ?? ""])}>
                {t("audit.more")}
              </button>
            )}
          </div>
        </>
      )}
    </>
  );
}
