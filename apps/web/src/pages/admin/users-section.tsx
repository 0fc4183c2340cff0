import type { AccessPolicyJson, CreatedUserJson, UserJson } from "@tenure/api-schemas";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { useSession } from "../../app/session.tsx";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { adminMessages } from "./admin-messages.ts";
import { ColumnHeaders } from "../../components/column-headers.tsx";
import { adminManageMessages } from "./admin-manage-messages.ts";
import { SecretOnce } from "./secret-once.tsx";
import { UserCreateForm } from "./user-create-form.tsx";
import { UserRowActions } from "./user-row-actions.tsx";

type Role = UserJson["role"];
type Purpose = AccessPolicyJson["purposes"][number]["purpose"];

/** The workspace's users with their roles (add, change the role, disable, enable), and the permission matrix of the roles. */
export function UsersSection() {
  const { t } = useMessages(adminMessages);
  const manage = useMessages(adminManageMessages).t;
  const me = useSession().me.user?.id ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedUserJson | null>(null);
  const common = useMessages(commonMessages).t;
  const format = useFormat();
  const users = useApi<{ items: UserJson[] }>("/api/users");
  const policy = useApi<AccessPolicyJson>("/api/access-policy");
  const roleName = (role: Role) => common(`roles.${role}`);
  const purposeName = (purpose: Purpose) => t(`purposes.names.${purpose}`);
  const enabledAdmins = users.data?.items.filter((u) => u.role === "admin" && u.disabled_at === null) ?? [];
  const lastAdminId = enabledAdmins.length === 1 ? enabledAdmins[0]?.id : undefined;
  const changed = (text: string) => {
    setNotice(text);
    users.reload();
  };
  return (
    <>
      <UserCreateForm
        onCreated={(result) => {
          setCreated(result.generated_password === null ? null : result);
          changed(manage("user.added", { email: result.user.email, role: roleName(result.user.role) }));
        }}
      />
      {created?.generated_password && (
        <SecretOnce
          title={manage("user.generatedTitle", { email: created.user.email })}
          label={manage("user.generatedLabel")}
          secret={created.generated_password}
          hint={manage("user.generatedHint")}
          onDone={() => setCreated(null)}
        />
      )}
      {notice && (
        <p className="panel" role="status">
          {notice}
        </p>
      )}
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
            <ColumnHeaders columns={[{ label: t("users.name") }, { label: t("users.email") }, { label: t("users.role") }, { label: t("users.created") }, { label: t("users.state") }, { label: manage("user.actions") }]} />
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    {user.name}
                    {user.id === me && <span className="muted"> ({manage("user.you")})</span>}
                  </th>
                  <td>{user.email}</td>
                  <td>{roleName(user.role)}</td>
                  <td>{format.date(user.created_at)}</td>
                  <td>{user.disabled_at ? t("users.disabled", { date: format.date(user.disabled_at) }) : t("users.active")}</td>
                  <td>
                    <UserRowActions
                      key={`${user.role}-${user.disabled_at ?? ""}`}
                      user={user}
                      lastAdmin={user.id === lastAdminId}
                      onChanged={changed}
                      onPasswordReset={(result) => {
                        setCreated(result);
                        changed(manage("user.passwordReset", { name: result.user.name }));
                      }}
                    />
                  </td>
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
