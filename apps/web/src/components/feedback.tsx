import type { ReactNode } from "react";
import { isApiError } from "../api/api-error.ts";
import { useMessages, type Translate } from "../i18n/define-messages.ts";
import { commonMessages } from "../i18n/common-messages.ts";

/** A short "loading" line announced to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useMessages(commonMessages);
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t("loading")}
    </p>
  );
}

/** What to show when there is nothing yet: a title and what to do about it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}

/** An error in words: what went wrong and what to try, with a retry button when one helps. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useMessages(commonMessages);
  return (
    <div className="error-message" role="alert">
      <p className="error-title">{t("error.title")}</p>
      <p>{describeError(error, t)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
}

type CommonT = Translate<typeof commonMessages.bundles.en>;

/** One sentence for an error, in the user's language; the server's own detail where it helps. */
export function describeError(error: unknown, t: CommonT): string {
  if (!isApiError(error)) return t("error.page", { message: error instanceof Error ? error.message : String(error) });
  if (error.isNetwork) return t("error.network");
  const detail = error.problem?.detail ?? error.message;
  switch (error.status) {
    case 400:
    case 409:
    case 422:
      return t("error.invalid", { detail });
    case 401:
      return t("error.unauthenticated");
    case 403:
      return `${t("error.forbidden")} (${detail})`;
    case 404:
      return `${t("error.notFound")} (${detail})`;
    default:
      return t("error.server", { status: error.status, requestId: error.problem?.instance ?? "?" });
  }
}
