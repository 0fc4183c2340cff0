import type { CreatedTokenJson, CreateTokenBody, UserJson } from "@tenure/api-schemas";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { adminManageMessages } from "./admin-manage-messages.ts";
import { AdminForm } from "./admin-form.tsx";
import { RoleSelect } from "./role-select.tsx";
import { invalidProps } from "./form-problem.tsx";
import type { Role } from "./roles.ts";

type Kind = CreateTokenBody["kind"];

/** "2026-12-01" → the end of that day in the browser's time zone, as ISO 8601 (the key works through the day chosen). */
function endOfDay(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return new Date(year, month - 1, day + 1).toISOString();
}

/** Tomorrow as yyyy-mm-dd, the earliest expiry the date picker offers. */
function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * Create an API token (name, a role or an enabled user it acts as, optional
 * expiry) or an ingestion write key (name, optional expiry) with POST
 * /api/tokens, as `tenure token create` and `tenure writekey create` do. The
 * caller shows the secret once.
 */
export function TokenCreateForm({ onCreated }: { onCreated: (created: CreatedTokenJson) => void }) {
  const { t } = useMessages(adminManageMessages);
  const [kind, setKind] = useState<Kind>("api");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("analyst");
  const [expires, setExpires] = useState("");
  const [userId, setUserId] = useState("");
  const users = useApi<{ items: UserJson[] }>("/api/users");
  const enabledUsers = users.data?.items.filter((u) => u.disabled_at === null) ?? [];

  const send = () => {
    const actsAs = kind === "api" ? (userId ? { user_id: userId } : { role }) : {};
    const body: CreateTokenBody = { kind, name: name.trim(), ...actsAs, ...(expires ? { expires_at: endOfDay(expires) } : {}) };
    return api<CreatedTokenJson>("/api/tokens", { method: "POST", body });
  };
  const sent = (created: CreatedTokenJson) => {
    setName("");
    setExpires("");
    setUserId("");
    onCreated(created);
  };

  return (
    <AdminForm title={t("token.createTitle")} send={send} onSent={sent}>
      {({ busy, error, errorId, id }) => (
        <>
          <div className="toolbar">
            <fieldset>
              <legend>{t("token.kind")}</legend>
              {(["api", "write_key"] as const).map((k) => (
                <label key={k} className="choice">
                  <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
                  {k === "api" ? t("token.kindApi") : t("token.kindKey")}
                </label>
              ))}
            </fieldset>
          </div>
          <div className="toolbar">
            <div className="field">
              <label htmlFor={`${id}-name`}>{t("token.name")}</label>
              <input id={`${id}-name`} required maxLength={200} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} {...invalidProps(error, "name", errorId)} />
            </div>
            {kind === "api" && (
              <div className="field">
                <label htmlFor={`${id}-user`}>{t("token.actsAs")}</label>
                <select id={`${id}-user`} value={userId} onChange={(e) => setUserId(e.target.value)} {...invalidProps(error, "user_id", errorId)}>
                  <option value="">{t("token.actsAsRole")}</option>
                  {enabledUsers.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name} ({u.email})
                    </option>
                  ))}
                </select>
              </div>
            )}
            {kind === "api" && !userId && (
              <div className="field">
                <label htmlFor={`${id}-role`}>{t("token.role")}</label>
                <RoleSelect id={`${id}-role`} value={role} onChange={setRole} {...invalidProps(error, "role", errorId)} />
              </div>
            )}
            <div className="field">
              <label htmlFor={`${id}-expires`}>{t("token.expires")}</label>
              <input
                id={`${id}-expires`}
                type="date"
                min={tomorrow()}
                value={expires}
                onChange={(e) => setExpires(e.target.value)}
                aria-describedby={`${id}-expires-hint`}
                {...invalidProps(error, "expires_at", errorId)}
              />
            </div>
            <button type="submit" className="button button-primary" disabled={busy || name.trim() === ""}>
              {t("token.create")}
            </button>
          </div>
          <p id={`${id}-expires-hint`} className="muted small">
            {t("token.expiresHint")}
          </p>
        </>
      )}
    </AdminForm>
  );
}
