import type { PasswordResetJson, UserJson } from "@tenure/api-schemas";
import { useId, useState } from "react";
import { api } from "../../api/client.ts";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { adminManageMessages } from "./admin-manage-messages.ts";
import { RoleSelect } from "./role-select.tsx";
import { FormProblem } from "./form-problem.tsx";
import type { Role } from "./roles.ts";

/**
 * A user's row controls (PATCH /api/users/{id}): change the role, disable
 * (after a confirmation) or enable again, and set a new generated password
 * (after a confirmation; POST /api/users/{id}/password, shown once by the
 * caller). Reports the outcome in words. The last enabled admin is offered
 * neither a demotion nor disabling (the server refuses both anyway), and the
 * row says why.
 */
export function UserRowActions(props: { user: UserJson; lastAdmin: boolean; onChanged: (notice: string) => void; onPasswordReset: (result: PasswordResetJson) => void }) {
  const { user, lastAdmin, onChanged } = props;
  const { t } = useMessages(adminManageMessages);
  const common = useMessages(commonMessages).t;
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const roleId = useId();
  const noteId = `${roleId}-note`;
  const locked = lastAdmin ? { disabled: true, "aria-describedby": noteId } : {};

  async function change(body: { role: Role } | { disabled: boolean }, notice: (updated: UserJson) => string) {
    setError(null);
    try {
      const updated = await api<UserJson>(`/api/users/${encodeURIComponent(user.id)}`, { method: "PATCH", body });
      setConfirming(false);
      onChanged(notice(updated));
    } catch (failure) {
      setError(failure);
    }
  }

  async function resetPassword() {
    setError(null);
    try {
      const result = await api<PasswordResetJson>(`/api/users/${encodeURIComponent(user.id)}/password`, { method: "POST", body: {} });
      setConfirmingReset(false);
      props.onPasswordReset(result);
    } catch (failure) {
      setError(failure);
    }
  }

  const changeRole = () => change({ role }, (u) => t("user.roleChanged", { name: u.name, role: common(`roles.${u.role}`) }));
  return (
    <div>
      <div className="row-actions">
        <label htmlFor={roleId} className="visually-hidden">
          {t("user.roleOf", { name: user.name })}
        </label>
        <RoleSelect id={roleId} value={role} onChange={setRole} {...locked} />
        <button type="button" className="button" disabled={role === user.role} onClick={() => void changeRole()}>
          {t("user.changeRole")}
        </button>
        {user.disabled_at ? (
          <button type="button" className="button" onClick={() => void change({ disabled: false }, (u) => t("user.enabledNow", { name: u.name }))}>
            {t("user.enable")}
          </button>
        ) : confirming ? (
          <>
            <button type="button" className="button button-danger" onClick={() => void change({ disabled: true }, (u) => t("user.disabledNow", { name: u.name }))}>
              {t("user.confirmDisable", { name: user.name })}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t("user.cancel")}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)} {...locked}>
            {t("user.disable")}
          </button>
        )}
        {confirmingReset ? (
          <>
            <button type="button" className="button button-danger" onClick={() => void resetPassword()}>
              {t("user.confirmReset", { name: user.name })}
            </button>
            <button type="button" className="button" onClick={() => setConfirmingReset(false)}>
              {t("user.cancel")}
            </button>
          </>
        ) : (
          !user.disabled_at && (
            <button type="button" className="button" onClick={() => setConfirmingReset(true)}>
              {t("user.resetPassword")}
            </button>
          )
        )}
      </div>
      {confirming && <p className="muted small">{t("user.disableNote")}</p>}
      {confirmingReset && <p className="muted small">{t("user.resetNote")}</p>}
      {lastAdmin && (
        <p id={noteId} className="muted small">
          {t("errors.lastAdmin")}
        </p>
      )}
      <FormProblem error={error} />
    </div>
  );
}
