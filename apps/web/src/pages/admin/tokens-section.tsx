import type { apiTokenListSchema, CreatedTokenJson } from "@tenure/api-schemas";
import { useState } from "react";
import { api } from "../../api/client.ts";
import type { Infer } from "../../api/schema-types.ts";
import { useApi } from "../../api/use-api.ts";
import { EmptyState, ErrorMessage, Loading } from "../../components/feedback.tsx";
import { commonMessages } from "../../i18n/common-messages.ts";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { adminManageMessages } from "./admin-manage-messages.ts";
import { adminMessages } from "./admin-messages.ts";
import { SecretOnce } from "./secret-once.tsx";
import { TokenCreateForm } from "./token-create-form.tsx";

type Token = Infer<typeof apiTokenListSchema>["items"][number];

/** Create API tokens and write keys (the secret shown once); list them (prefixes only, never secrets), each revocable at once. */
export function TokensSection() {
  const { t } = useMessages(adminMessages);
  const manage = useMessages(adminManageMessages).t;
  const [created, setCreated] = useState<CreatedTokenJson | null>(null);
  const tokens = useApi<{ items: Token[] }>("/api/tokens");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (tokens.error) return <ErrorMessage error={tokens.error} onRetry={tokens.reload} />;
  if (!tokens.data) return <Loading />;

  async function revoke(token: Token) {
    setError(null);
    try {
      await api<Token>(`/api/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" });
      setNotice(t("tokens.revokedNow", { name: token.name }));
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  const api_ = tokens.data.items.filter((token) => token.kind === "api");
  const keys = tokens.data.items.filter((token) => token.kind === "write_key");
  return (
    <>
      <TokenCreateForm
        onCreated={(result) => {
          setCreated(result);
          setNotice(null);
          tokens.reload();
        }}
      />
      {created && (
        <SecretOnce
          title={manage("token.secretTitle", { name: created.token.name })}
          label={manage("token.secretLabel")}
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      )}
      {notice && (
        <p className="panel" role="status">
          {notice}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <h2>{t("tokens.apiTitle")}</h2>
      {api_.length === 0 ? <EmptyState title={t("tokens.emptyApi")} /> : <TokenTable caption={t("tokens.apiCaption")} tokens={api_} onRevoke={revoke} />}
      <h2>{t("tokens.keysTitle")}</h2>
      {keys.length === 0 ? <EmptyState title={t("tokens.emptyKeys")} /> : <TokenTable caption={t("tokens.keysCaption")} tokens={keys} onRevoke={revoke} />}
    </>
  );
}

function TokenTable({ caption, tokens, onRevoke }: { caption: string; tokens: readonly Token[]; onRevoke: (token: Token) => Promise<void> }) {
  const { t } = useMessages(adminMessages);
  const common = useMessages(commonMessages).t;
  const format = useFormat();
  const [confirming, setConfirming] = useState<string | null>(null);
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("tokens.name")}</th>
            <th scope="col">{t("tokens.prefix")}</th>
            <th scope="col">{t("tokens.role")}</th>
            <th scope="col">{t("tokens.created")}</th>
            <th scope="col">{t("tokens.lastUsed")}</th>
            <th scope="col">{t("tokens.state")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("tokens.revoke")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const expired = token.expires_at !== null && Date.parse(token.expires_at) <= now;
            const state = token.revoked_at ? t("tokens.revoked", { date: format.date(token.revoked_at) }) : expired ? t("tokens.expired") : t("tokens.active");
            return (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>
                  {common(`roles.${token.role}`)}
                  {token.user_id ? ` · ${token.user_id}` : ""}
                </td>
                <td>{format.date(token.created_at)}</td>
                <td>{token.last_used_at ? format.dateTime(token.last_used_at) : t("tokens.never")}</td>
                <td>{state}</td>
                <td>
                  {!token.revoked_at &&
                    (confirming === token.id ? (
                      <span className="toolbar">
                        <button type="button" className="button button-danger" onClick={() => void onRevoke(token).then(() => setConfirming(null))}>
                          {t("tokens.confirm", { name: token.name })}
                        </button>
                        <button type="button" className="button" onClick={() => setConfirming(null)}>
                          {t("tokens.cancel")}
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="button" onClick={() => setConfirming(token.id)}>
                        {t("tokens.revoke")}
                      </button>
                    ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
