import { useEffect, useId, useRef, useState } from "react";
import { useMessages } from "../../i18n/define-messages.ts";
import { adminManageMessages } from "./admin-manage-messages.ts";

/**
 * A secret (token, write key, generated password) shown this one time: the
 * text to select, a copy button, the warning that it will not be shown again,
 * and a button to put it away. Focus moves here when it appears.
 */
export function SecretOnce({ title, label, secret, hint, onDone }: { title: string; label: string; secret: string; hint?: string; onDone: () => void }) {
  const { t } = useMessages(adminManageMessages);
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);
  const inputId = useId();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), [secret]);

  async function copyToClipboard() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <section className="panel secret-once" aria-labelledby={`${inputId}-title`} tabIndex={-1} ref={panel}>
      <h2 id={`${inputId}-title`}>{title}</h2>
      <p className="secret-warning">
        <strong>{t("secret.warning")}</strong>
      </p>
      {hint && <p className="muted">{hint}</p>}
      <div className="toolbar">
        <div className="field secret-field">
          <label htmlFor={inputId}>{label}</label>
          <input id={inputId} readOnly value={secret} spellCheck={false} autoComplete="off" onFocus={(event) => event.target.select()} />
        </div>
        <button type="button" className="button button-primary" onClick={() => void copyToClipboard()}>
          {t("secret.copy")}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t("secret.done")}
        </button>
      </div>
      <p role="status" className={copy === "failed" ? "form-error" : "muted"}>
        {copy === "copied" ? t("secret.copied") : copy === "failed" ? t("secret.copyFailed") : ""}
      </p>
    </section>
  );
}
