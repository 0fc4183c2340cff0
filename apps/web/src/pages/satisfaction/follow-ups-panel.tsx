import type { FollowUpJson } from "@tenure/api-schemas";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { useSession } from "../../app/session.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { satisfactionMessages } from "./satisfaction-messages.ts";

type Status = FollowUpJson["status"];
/** Follow-ups shown before "show all": the soonest due first, as the API orders them. */
const pageSize = 20;

/** Open follow-ups of unhappy answers, with start / done (with an outcome) / cancel where the role may update them. */
export function FollowUpsPanel() {
  const { t } = useMessages(satisfactionMessages);
  const format = useFormat();
  const session = useSession();
  const [overdue, setOverdue] = useState(false);
  const list = useApi<{ items: FollowUpJson[] }>("/api/follow-ups", { overdue: overdue ? "true" : undefined, limit: 100 });
  const [closing, setClosing] = useState<{ id: string; outcome: string } | null>(null);
  const [state, setState] = useState<{ message: string | null; error: unknown }>({ message: null, error: null });
  const canUpdate = session.can("follow_ups.update");

  async function update(id: string, status: Status, outcome?: string) {
    setState({ message: null, error: null });
    try {
      await api(`/api/follow-ups/${encodeURIComponent(id)}`, { method: "PATCH", body: outcome === undefined ? { status } : { status, outcome } });
      setState({ message: t("followUps.saved"), error: null });
      setClosing(null);
      list.reload();
    } catch (error) {
      setState({ message: null, error });
    }
  }

  const [showAll, setShowAll] = useState(false);
  const open = (list.data?.items ?? []).filter((f) => f.status === "open" || f.status === "in_progress");
  const shown = showAll ? open : open.slice(0, pageSize);
  return (
    <>
      <p className="muted small">{t("followUps.how")}</p>
      <div className="toolbar">
        <label>
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> {t("followUps.overdueOnly")}
        </label>
      </div>
      {state.message && (
        <p className="panel" role="status">
          {state.message}
        </p>
      )}
      {state.error !== null && <ErrorMessage error={state.error} />}
      {list.error !== null ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : open.length === 0 ? (
        <EmptyState title={t("followUps.empty")} />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("followUps.customer")}</th>
                <th scope="col">{t("followUps.reason")}</th>
                <th scope="col">{t("followUps.status")}</th>
                <th scope="col">{t("followUps.due")}</th>
                {canUpdate && <th scope="col">{t("followUps.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={`/customers/${encodeURIComponent(f.customer_id)}`}>{f.customer_id}</Link>
                  </td>
                  <td>{t(`followUps.reasons.${f.reason}`)}</td>
                  <td>{t(`followUps.statuses.${f.status}`)}</td>
                  <td>
                    {format.dateTime(f.due_at)} {f.overdue && <span className="badge badge-danger">{t("followUps.overdue")}</span>}
                  </td>
                  {canUpdate && (
                    <td>
                      {closing?.id === f.id ? (
                        <form
                          className="toolbar"
                          onSubmit={(e) => {
                            e.preventDefault();
                            if (closing.outcome.trim() === "") setState({ message: t("followUps.outcomeNeeded"), error: null });
                            else void update(f.id, "done", closing.outcome.trim());
                          }}
                        >
                          <div className="field">
                            <label htmlFor={`outcome-${f.id}`}>{t("followUps.outcome")}</label>
                            <textarea id={`outcome-${f.id}`} rows={2} value={closing.outcome} onChange={(e) => setClosing({ id: f.id, outcome: e.target.value })} />
                          </div>
                          <button type="submit" className="button button-primary">
                            {t("followUps.save")}
                          </button>
                        </form>
                      ) : (
                        <span className="toolbar">
                          {f.status === "open" && (
                            <button type="button" className="button" onClick={() => void update(f.id, "in_progress")}>
                              {t("followUps.start")}
                            </button>
                          )}
                          <button type="button" className="button" onClick={() => setClosing({ id: f.id, outcome: "" })}>
                            {t("followUps.done")}
                          </button>
                          <button type="button" className="button" onClick={() => void update(f.id, "cancelled")}>
                            {t("followUps.cancel")}
                          </button>
                        </span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length < open.length && (
            <p className="toolbar">
              <button type="button" className="button" onClick={() => setShowAll(true)}>
                {t("followUps.showAll", { count: format.number(open.length) })}
              </button>
            </p>
          )}
        </div>
      )}
    </>
  );
}
