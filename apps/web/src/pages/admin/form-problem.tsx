import { isApiError } from "../../api/api-error.ts";
import { describeError } from "../../components/feedback.tsx";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { adminManageMessages } from "./admin-manage-messages.ts";

/** The field a failed request names (problem+json `field`), to mark that input invalid; null for none. */
export function problemField(error: unknown): string | null {
  return isApiError(error) ? (error.problem?.field ?? null) : null;
}

/** Props marking an input invalid when `error` names `field`, pointing screen readers at the message (`messageId`). */
export function invalidProps(error: unknown, field: string, messageId: string): { "aria-invalid"?: true; "aria-describedby"?: string } {
  return problemField(error) === field ? { "aria-invalid": true, "aria-describedby": messageId } : {};
}

/** What went wrong with an administration change, in the user's language: known conflicts in words, others as the server said. */
export function FormProblem({ error, id }: { error: unknown; id?: string }) {
  const { t } = useMessages(adminManageMessages);
  const common = useMessages(commonMessages).t;
  if (error === null) return null;
  const code = isApiError(error) ? error.problem?.code : undefined;
  const text = code === "last_admin" ? t("errors.lastAdmin") : code === "user_exists" ? t("errors.userExists") : describeError(error, common);
  return (
    <p id={id} role="alert" className="form-error">
      {text}
    </p>
  );
}
