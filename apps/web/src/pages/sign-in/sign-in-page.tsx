import { useState, type FormEvent } from "react";
import { isApiError } from "../../api/api-error.ts";
import { LanguageSwitch } from "../../app/language-switch.tsx";
import { useSessionControl } from "../../app/session.tsx";
import { describeError } from "../../components/feedback.tsx";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { signInMessages } from "./sign-in-messages.ts";

/** The e-mail and password form (POST /api/session sets the HttpOnly session cookie). */
export function SignInPage() {
  const { t } = useMessages(signInMessages);
  const common = useMessages(commonMessages);
  const { signIn } = useSessionControl();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  function messageOf(failure: unknown): string {
    if (isApiError(failure) && failure.status === 401) return t("wrong");
    if (isApiError(failure) && failure.status === 429) return t("throttled", { seconds: Number(failure.problem?.retryAfterSeconds ?? 60) });
    return describeError(failure, common.t);
  }

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <span className="brand">Tenure</span>
          <LanguageSwitch signedIn={false} />
        </div>
        <h1>{t("title")}</h1>
        <p className="muted">{t("intro")}</p>
        <form onSubmit={(event) => void submit(event)} noValidate={false}>
          <label htmlFor="sign-in-email">{t("email")}</label>
          <input id="sign-in-email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <label htmlFor="sign-in-password">{t("password")}</label>
          <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("submitting") : t("submit")}
          </button>
        </form>
        <p className="muted small">{t("firstStart")}</p>
      </div>
    </main>
  );
}
