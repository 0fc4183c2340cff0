import type { AccessPolicyJson } from "@tenure/api-schemas";
import { useApi } from "../../api/use-api.ts";
import { ErrorMessage, Loading } from "../../components/feedback.tsx";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { adminMessages } from "./admin-messages.ts";
import { ColumnHeaders } from "../../components/column-headers.tsx";

/** The purposes personal data may be revealed for: accepted here or not, and by which roles. */
export function PurposesSection() {
  const { t } = useMessages(adminMessages);
  const common = useMessages(commonMessages).t;
  const policy = useApi<AccessPolicyJson>("/api/access-policy");
  if (policy.error) return <ErrorMessage error={policy.error} onRetry={policy.reload} />;
  if (!policy.data) return <Loading />;
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption>{t("purposes.caption")}</caption>
          <ColumnHeaders columns={[{ label: t("purposes.purpose") }, { label: t("purposes.enabled") }, { label: t("purposes.roles") }]} />
          <tbody>
            {policy.data.purposes.map((p) => (
              <tr key={p.purpose}>
                <th scope="row">{t(`purposes.names.${p.purpose}`)}</th>
                <td>{p.enabled ? t("purposes.yes") : t("purposes.no")}</td>
                <td>{p.roles.length === 0 ? t("purposes.none") : p.roles.map((role) => common(`roles.${role}`)).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t("purposes.howToChange")}</p>
    </>
  );
}
