import type { RecoveryJson } from "@tenure/api-schemas";
import { useEffect, useState, type FormEvent } from "react";
import { isApiError } from "../../api/api-error.ts";
import { api, apiFetch } from "../../api/client.ts";
import { useSession } from "../../app/session.tsx";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { casesMessages } from "./cases-messages.ts";
import { useServiceRead } from "./use-service-read.ts";

type Step = keyof RecoveryJson["steps"];
const stepOrder: readonly Step[] = ["started_at", "acknowledged_at", "apologised_at", "root_cause_at", "corrective_action_at", "letter_drafted_at", "approved_at", "sent_at", "follow_up_due_at", "follow_up_done_at"];

/**
 * The service-recovery workflow of a case: mark it a company failure, record
 * the steps and facts, edit the drafted letter, approve and sign it
 * (managers), send it, and preview its PDF.
 */
export function RecoveryPanel({ caseId, onChange }: { caseId: string; onChange: () => void }) {
  const { t } = useMessages(casesMessages);
  const path = `/api/cases/${encodeURIComponent(caseId)}/recovery`;
  const recovery = useServiceRead<RecoveryJson>(path);
  const session = useSession();
  const [notice, setNotice] = useState<{ message: string | null; error: unknown }>({ message: null, error: null });

  async function act(message: string, call: () => Promise<RecoveryJson>) {
    setNotice({ message: null, error: null });
    try {
      recovery.set(await call());
      setNotice({ message, error: null });
      onChange();
    } catch (error) {
      setNotice({ message: null, error });
    }
  }
  const write = (method: "PATCH" | "POST", suffix: string, body?: unknown) => () => api<RecoveryJson>(`${path}${suffix}`, { method, body, purpose: "service" });

  const none = isApiError(recovery.error) && recovery.error.status === 404;
  return (
    <section className="panel recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t("recovery.title")}</h2>
      <p className="muted small">{t("recovery.how")}</p>
      {notice.message && (
        <p className="panel" role="status">
          {notice.message}
        </p>
      )}
      {notice.error !== null && <ErrorMessage error={notice.error} />}
      {none ? (
        <MarkFailure canWrite={session.can("cases.write")} onMark={(whatWentWrong) => act(t("recovery.saved"), () => api<RecoveryJson>(`/api/cases/${encodeURIComponent(caseId)}/failure`, { method: "POST", body: { what_went_wrong: whatWentWrong }, purpose: "service" }))} />
      ) : recovery.error !== null ? (
        <ErrorMessage error={recovery.error} onRetry={recovery.reload} />
      ) : !recovery.data ? (
        <Loading />
      ) : (
        <RecoveryView
          recovery={recovery.data}
          canWrite={session.can("cases.write")}
          canApprove={session.can("recovery.approve")}
          onPatch={(body) => act(t("recovery.saved"), write("PATCH", "", { version: recovery.data?.version, ...body }))}
          onApprove={() => act(t("recovery.approved"), write("POST", "/approve", { version: recovery.data?.version }))}
          onSend={() => act(t("recovery.sent"), write("POST", "/send"))}
        />
      )}
    </section>
  );
}

function MarkFailure({ canWrite, onMark }: { canWrite: boolean; onMark: (whatWentWrong: string) => Promise<void> }) {
  const { t } = useMessages(casesMessages);
  const [text, setText] = useState("");
  if (!canWrite) return <p className="muted">{t("recovery.none")}</p>;
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (text.trim()) void onMark(text.trim());
      }}
    >
      <p>{t("recovery.none")}</p>
      <div className="field">
        <label htmlFor="what-went-wrong">{t("recovery.whatWentWrong")}</label>
        <textarea id="what-went-wrong" rows={3} value={text} onChange={(e) => setText(e.target.value)} required />
      </div>
      <p>
        <button type="submit" className="button button-primary">
          {t("recovery.start")}
        </button>
      </p>
    </form>
  );
}

function RecoveryView(props: {
  recovery: RecoveryJson;
  canWrite: boolean;
  canApprove: boolean;
  onPatch: (body: Record<string, unknown>) => Promise<void>;
  onApprove: () => Promise<void>;
  onSend: () => Promise<void>;
}) {
  const { recovery: r, canWrite, canApprove } = props;
  const { t } = useMessages(casesMessages);
  const format = useFormat();
  const [facts, setFacts] = useState({ root_cause: r.facts.root_cause ?? "", corrective_action: r.facts.corrective_action ?? "", goodwill: r.facts.goodwill ?? "" });
  const [letter, setLetter] = useState({ subject: r.letter?.subject ?? "", body: r.letter?.body ?? "" });
  useEffect(() => setLetter({ subject: r.letter?.subject ?? "", body: r.letter?.body ?? "" }), [r.letter?.subject, r.letter?.body]);
  const editable = canWrite && (r.status === "in_progress" || r.status === "approved");
  const letterEdited = r.letter !== null && (letter.subject !== r.letter.subject || letter.body !== r.letter.body);

  return (
    <>
      <p>
        <span className="badge">{t(`recovery.status.${r.status}`)}</span>
      </p>
      <div className="grid-wide">
        <div>
          <h3>{t("recovery.steps")}</h3>
          <ol className="recovery-steps">
            {stepOrder.map((step) => (
              <li key={step}>
                {r.steps[step] ? "✓" : "○"} {t(`recovery.step.${step}`)}: <span className="muted small">{r.steps[step] ? format.dateTime(r.steps[step] ?? "") : t("recovery.notYet")}</span>
              </li>
            ))}
          </ol>
          {editable && (
            <div className="toolbar">
              {!r.steps.acknowledged_at && (
                <button type="button" className="button" onClick={() => void props.onPatch({ acknowledged: true })}>
                  {t("recovery.acknowledged")}
                </button>
              )}
              {!r.steps.apologised_at && (
                <button type="button" className="button" onClick={() => void props.onPatch({ apologised: true })}>
                  {t("recovery.apologised")}
                </button>
              )}
            </div>
          )}
          {editable && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void props.onPatch({ root_cause: facts.root_cause || undefined, corrective_action: facts.corrective_action || undefined, goodwill: facts.goodwill || null, redraft: true });
              }}
            >
              {(["root_cause", "corrective_action", "goodwill"] as const).map((name) => (
                <div className="field" key={name}>
                  <label htmlFor={`fact-${name}`}>{t(name === "root_cause" ? "recovery.rootCause" : name === "corrective_action" ? "recovery.corrective" : "recovery.goodwill")}</label>
                  <textarea id={`fact-${name}`} rows={2} value={facts[name]} onChange={(e) => setFacts({ ...facts, [name]: e.target.value })} />
                </div>
              ))}
              <p>
                <button type="submit" className="button">
                  {t("recovery.saveFacts")}
                </button>
              </p>
            </form>
          )}
        </div>
        <div>
          <h3>{t("recovery.letter")}</h3>
          {!r.personal_data_shown && <p className="muted small">{t("recovery.masked")}</p>}
          {r.letter && (
            <>
              <div className="field">
                <label htmlFor="letter-subject">{t("recovery.subject")}</label>
                <input id="letter-subject" value={letter.subject} readOnly={!editable || !r.personal_data_shown} onChange={(e) => setLetter({ ...letter, subject: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="letter-body">{t("recovery.body")}</label>
                <textarea id="letter-body" rows={12} value={letter.body} readOnly={!editable || !r.personal_data_shown} onChange={(e) => setLetter({ ...letter, body: e.target.value })} />
              </div>
              {letterEdited && (
                <p>
                  <button type="button" className="button" onClick={() => void props.onPatch({ letter })}>
                    {t("recovery.saveLetter")}
                  </button>
                </p>
              )}
              {r.letter.signed_by && <p className="signed-by">{t("recovery.signedBy", { name: [r.letter.signed_by.name, r.letter.signed_by.title].filter(Boolean).join(", ") })}</p>}
              {r.letter.sent_to && <p>{t("recovery.sentTo", { to: r.letter.sent_to })}</p>}
              <PdfPreview path={r.letter.pdf} />
            </>
          )}
          {r.missing_for_approval.length > 0 && r.status === "in_progress" && <p className="muted">{t("recovery.missing", { items: r.missing_for_approval.join(", ") })}</p>}
          <div className="toolbar">
            {canApprove && r.status === "in_progress" && r.missing_for_approval.length === 0 && !letterEdited && (
              <button type="button" className="button button-primary" onClick={() => void props.onApprove()} title={t("recovery.approveHow")}>
                {t("recovery.approve")}
              </button>
            )}
            {canWrite && r.status === "approved" && (
              <button type="button" className="button button-primary" onClick={() => void props.onSend()}>
                {t("recovery.send")}
              </button>
            )}
          </div>
        </div>
      </div>
    </>
  );
}

/**
 * The letter's PDF, fetched with the service purpose (a plain link cannot
 * send X-Purpose), shown inline in a frame (the page's policy allows framing
 * its own blob: URLs only) with a link to open it in a new tab.
 */
function PdfPreview({ path }: { path: string }) {
  const { t } = useMessages(casesMessages);
  const [error, setError] = useState<unknown>(null);
  const [url, setUrl] = useState<string | null>(null);
  // The blob lives as long as the preview shows it.
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);

  async function open() {
    setError(null);
    try {
      const response = await apiFetch(path, { purpose: "service", headers: { accept: "application/pdf" } });
      setUrl(URL.createObjectURL(await response.blob()));
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <>
      <p className="toolbar">
        <button type="button" className="button" onClick={() => void open()}>
          {t("recovery.preview")}
        </button>
        {url && (
          <a className="button" href={url} target="_blank" rel="noopener">
            {t("recovery.previewTab")}
          </a>
        )}
      </p>
      {url && <iframe className="letter-pdf" src={url} title={t("recovery.previewTitle")} />}
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}
