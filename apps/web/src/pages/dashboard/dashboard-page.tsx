import { useApi } from "../../api/use-api.ts";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { StatCard } from "../../components/stat-card.tsx";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { dashboardMessages } from "./dashboard-messages.ts";

export default function DashboardPage() {
  const { t } = useMessages(dashboardMessages);
  const format = useFormat();
  const customers = useApi<{ total: number }>("/api/customers", { limit: 1 });
  return (
    <>
      <h1>{t("title")}</h1>
      {customers.error !== null && <ErrorMessage error={customers.error} onRetry={customers.reload} />}
      {customers.loading && <Loading />}
      {customers.data && (
        <div className="grid">
          <StatCard label={t("customers")} value={format.number(customers.data.total)} explanation={t("customersHow")} />
        </div>
      )}
    </>
  );
}
