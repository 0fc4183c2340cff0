import type { caseEventListSchema, caseSchema, HandoffJson } from "@tenure/api-schemas";
import { Link, useParams } from "react-router";
import type { Infer } from "../../api/schema-types.ts";
import { useApi } from "../../api/use-api.ts";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import "./cases.css";
import { casesMessages } from "./cases-messages.ts";
import { RecoveryPanel } from "./recovery-panel.tsx";
import { SlaClocks } from "./sla-clock.tsx";
import { useSession } from "../../app/session.tsx";
import { useServiceRead } from "./use-service-read.ts";

type Case = Infer<typeof caseSchema>;
type Events = Infer<typeof caseEventListSchema>;

/** One case: its facts and SLA clocks, the handoff brief, the recovery workflow and the history. */
export default function CasePage() {
  const { id = "" } = useParams();
  const { t } = useMessages(casesMessages);
  const format = useFormat();
  const session = useSession();
  const path = `/api/cases/${encodeURIComponent(id)}`;
  const item = useServiceRead<Case>(path);
  const events = useApi<Events>(`${path}/events`);
  const handoffs = useApi<{ items: HandoffJson[] }>(`${path}/handoffs`);
  if (item.error !== null) return <ErrorMessage error={item.error} onRetry={item.reload} />;
  if (!item.data) return <Loading />;
  const c = item.data;
  const brief = [...(handoffs.data?.items ?? [])].reverse().find((h) => h.status !== "cancelled") ?? null;
  return (
    <div className="case-page">
      <p>
        <Link to="/cases">← {t("case.back")}</Link>
      </p>
      <h1>{c.subject}</h1>
      <p className="toolbar">
        <span className="badge">{t(`statuses.${c.status}`)}</span>
        <span className={c.priority === "urgent" ? "badge badge-danger" : "badge"}>{t(`priorities.${c.priority}`)}</span>
        {c.is_company_failure && <span className="badge badge-warning">{t("case.failure")}</span>}
      </p>
      <div className="grid-wide">
        <section className="panel" aria-labelledby="case-facts">
          <h2 id="case-facts">{t("case.facts")}</h2>
          <dl className="facts">
            <dt>{t("case.customer")}</dt>
            <dd>
              <Link to={`/customers/${encodeURIComponent(c.customer_id)}`}>{c.customer_id}</Link>
            </dd>
            <dt>{t("case.channel")}</dt>
            <dd>{c.channel}</dd>
            <dt>{t("case.category")}</dt>
            <dd>{c.category ?? "—"}</dd>
            <dt>{t("case.opened")}</dt>
            <dd>{format.dateTime(c.opened_at)}</dd>
            <dt>{t("case.firstResponse")}</dt>
            <dd>{c.first_response_at ? format.dateTime(c.first_response_at) : "—"}</dd>
            <dt>{t("case.handoffs")}</dt>
            <dd>{format.number(c.handoff_count)}</dd>
            <dt>{t("case.description")}</dt>
            <dd>{c.description ?? (session.can("personal_data.read") ? "—" : <span className="muted">{t("case.withheld")}</span>)}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="case-sla">
          <h2 id="case-sla">{t("sla.title")}</h2>
          <p className="muted small">{t("sla.how")}</p>
          <SlaClocks caseId={c.id} />
        </section>
        <section className="panel" aria-labelledby="case-brief">
          <h2 id="case-brief">{t("case.brief")}</h2>
          {handoffs.error !== null ? (
            <ErrorMessage error={handoffs.error} />
          ) : !brief ? (
            <p className="muted">{t("case.noBrief")}</p>
          ) : (
            <>
              <p className="muted small">
                {t("case.briefHow")} {t(`case.handoffStatus.${brief.status}`)} · {format.dateTime(brief.requested_at)}
              </p>
              <dl className="facts">
                <dt>{t("case.problem")}</dt>
                <dd>{brief.brief.problem}</dd>
                <dt>{t("case.tried")}</dt>
                <dd>{brief.brief.tried}</dd>
                <dt>{t("case.mood")}</dt>
                <dd>{brief.brief.customer_mood}</dd>
                <dt>{t("case.promised")}</dt>
                <dd>{brief.brief.promised}</dd>
              </dl>
            </>
          )}
        </section>
      </div>
      <RecoveryPanel caseId={c.id} onChange={item.reload} />
      <h2>{t("case.events")}</h2>
      {events.error !== null ? (
        <ErrorMessage error={events.error} />
      ) : !events.data ? (
        <Loading />
      ) : events.data.items.length === 0 ? (
        <p className="muted">{t("case.noEvents")}</p>
      ) : (
        <ol className="case-events">
          {events.data.items.map((e) => (
            <li key={e.id}>
              <span className="muted small">{format.dateTime(e.occurred_at)}</span> <code>{e.kind}</code>
              {e.to_status ? ` → ${t(`statuses.${e.to_status}`)}` : ""}
              {e.body ? <p>{e.body}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
