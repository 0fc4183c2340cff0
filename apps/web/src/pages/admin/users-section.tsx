import type { AccessPolicyJson, UserJson } from "@tenure/api-schemas";
import { useApi } from "../../api/use-api.ts";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { adminMessages } from "./admin-messages.ts";
import { ColumnHeaders } from "../../components/column-headers.tsx";

type Role = UserJson["role"];
type Purpose = AccessPolicyJson["purposes"][number]["purpose"];

/** The workspace's users with their roles, and the permission matrix of the roles. */
export function UsersSection() {
  const { t } = useMessages(adminMessages);
  const common = useMessages(commonMessages).t;
  const format = useFormat();
  const users = useApi<{ items: UserJson[] }>("/api/users");
  const policy = useApi<AccessPolicyJson>("/api/access-policy");
  const roleName = (role: Role) => common(`roles.${role}`);
  const purposeName = (purpose: Purpose) => t(`purposes.names.${purpose}`);
  return (
    <>
      {users.error ? (
        <ErrorMessage error={users.error} onRetry={users.reload} />
      ) : !users.data ? (
        <Loading />
      ) : users.data.items.length === 0 ? (
        <EmptyState title={t("users.empty")} />
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("users.caption")}</caption>
            <ColumnHeaders columns={[{ label: t("users.name") }, { label: t("users.email") }, { label: t("users.role") }, { label: t("users.created") }, { label: t("users.state") }]} />
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>{roleName(user.role)}</td>
                  <td>{format.date(user.created_at)}</td>
                  <td>{user.disabled_at ? t("users.disabled", { date: format.date(user.disabled_at) }) : t("users.active")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("users.matrix")}</h2>
      {policy.error ? (
        <ErrorMessage error={policy.error} onRetry={policy.reload} />
      ) : !policy.data ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("users.matrixCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.permission")}</th>
                {policy.data.roles.map((r) => (
                  <th key={r.role} scope="col">
                    {roleName(r.role)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(policy.data.roles.find((r) => r.role === "admin")?.permissions ?? []).map((permission) => (
                <tr key={permission}>
                  <th scope="row">
                    <code>{permission}</code>
                  </th>
                  {policy.data?.roles.map((r) => (
                    <td key={r.role}>
                      {r.permissions.includes(permission) ? <span aria-label="✓">✓</span> : <span className="muted" aria-label={common("none")}>·</span>}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t("users.revealFor")}</th>
                {policy.data.roles.map((r) => (
                  <td key={r.role}>{r.reveal_purposes.length === 0 ? t("users.revealNone") : r.reveal_purposes.map(purposeName).join(", ")}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
