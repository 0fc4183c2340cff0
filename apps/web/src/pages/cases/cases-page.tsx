import type { caseListSchema } from "@tenure/api-schemas";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { Infer } from "../../api/schema-types.ts";
import { useApi } from "../../api/use-api.ts";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { casesMessages } from "./cases-messages.ts";
import { relativeTime, SlaCell } from "./sla-clock.tsx";
import { ColumnHeaders } from "../../components/column-headers.tsx";

type CaseList = Infer<typeof caseListSchema>;
const openStatuses = "new,open,pending_customer,on_hold";
const priorities = ["urgent", "high", "normal", "low"] as const;

/** The case queue: urgent first then oldest, with each case's most urgent SLA clock. */
export default function CasesPage() {
  const { t, locale } = useMessages(casesMessages);
  const format = useFormat();
  const [status, setStatus] = useState(openStatuses);
  const [priority, setPriority] = useState("");
  const [draftQ, setDraftQ] = useState("");
  const [q, setQ] = useState("");
  const [cursors, setCursors] = useState<string[]>([]);
  const list = useApi<CaseList>("/api/cases", { status: status || undefined, priority: priority || undefined, q: q || undefined, limit: 25, cursor: cursors.at(-1) });

  function search(event: FormEvent) {
    event.preventDefault();
    setQ(draftQ.trim());
    setCursors([]);
  }

  return (
    <div className="cases-page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form className="toolbar" onSubmit={search} aria-label={t("filters.label")}>
        <div className="field">
          <label htmlFor="case-status">{t("filters.status")}</label>
          <select id="case-status" value={status} onChange={(e) => (setStatus(e.target.value), setCursors([]))}>
            <option value={openStatuses}>{t("filters.open")}</option>
            {(["new", "open", "pending_customer", "on_hold", "resolved", "closed"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
            <option value="">{t("filters.all")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-priority">{t("filters.priority")}</label>
          <select id="case-priority" value={priority} onChange={(e) => (setPriority(e.target.value), setCursors([]))}>
            <option value="">{t("filters.any")}</option>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {t(`priorities.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-q">{t("filters.search")}</label>
          <input id="case-q" type="search" value={draftQ} onChange={(e) => setDraftQ(e.target.value)} />
        </div>
      </form>
      {list.error !== null ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
      ) : (
        <>
          <p className="muted small" role="status">
            {t("total", { count: format.number(list.data.total) })}
          </p>
          <div className="table-wrap">
            <table>
              <ColumnHeaders columns={[{ label: t("columns.subject") }, { label: t("columns.priority") }, { label: t("columns.status") }, { label: t("columns.opened") }, { label: t("columns.sla") }, { label: t("columns.customer") }]} />
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.subject}</Link>
                    </td>
                    <td>
                      <span className={c.priority === "urgent" ? "badge badge-danger" : c.priority === "high" ? "badge badge-warning" : "badge"}>{t(`priorities.${c.priority}`)}</span>
                    </td>
                    <td>{t(`statuses.${c.status}`)}</td>
                    <td title={format.dateTime(c.opened_at)}>{relativeTime(locale, c.opened_at)}</td>
                    <td>
                      <SlaCell caseId={c.id} />
                    </td>
                    <td>
                      <Link to={`/customers/${encodeURIComponent(c.customer_id)}`} className="small">
                        {c.customer_id}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            {cursors.length > 0 && (
              <button type="button" className="button" onClick={() => setCursors([])}>
                {t("first")}
              </button>
            )}
            {list.data.next_cursor && (
              <button type="button" className="button" onClick={() => setCursors([...cursors, list.data?.next_cursor ?? ""])}>
                {t("more")}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
