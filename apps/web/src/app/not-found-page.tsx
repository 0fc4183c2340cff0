import { EmptyState } from "../components/feedback.tsx";
import { useMessages } from "../i18n/define-messages.ts";
import { commonMessages } from "../i18n/common-messages.ts";

export function NotFoundPage() {
  const { t } = useMessages(commonMessages);
  return (
    <>
      <h1>{t("notFound.title")}</h1>
      <EmptyState title={t("notFound.title")}>{t("notFound.body")}</EmptyState>
    </>
  );
}
