import { useSearchParams } from "react-router";
import { useMessages } from "../../i18n/define-messages.ts";
import "./admin.css";
import { adminMessages } from "./admin-messages.ts";
import { AuditSection } from "./audit-section.tsx";
import { PurposesSection } from "./purposes-section.tsx";
import { TokensSection } from "./tokens-section.tsx";
import { UsersSection } from "./users-section.tsx";

const tabs = ["users", "tokens", "purposes", "audit"] as const;
type Tab = (typeof tabs)[number];

function isTab(value: string | null): value is Tab {
  return (tabs as readonly (string | null)[]).includes(value);
}

/** Administration (admins only): users and roles, tokens and write keys, purposes, the audit log; one section at a time, named in the URL (?tab=audit). */
export default function AdminPage() {
  const { t } = useMessages(adminMessages);
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: Tab = isTab(requested) ? requested : "users";

  function select(next: Tab) {
    setParams((previous) => {
      const copy = new URLSearchParams(previous);
      copy.set("tab", next);
      return copy;
    });
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length] ?? "users";
    select(next);
    document.getElementById(`admin-tab-${next}`)?.focus();
  }

  return (
    <div className="page admin-page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <div role="tablist" aria-label={t("tabs.label")} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((name) => (
          <button
            key={name}
            id={`admin-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`admin-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? "tab active" : "tab"}
            onClick={() => select(name)}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
        {tab === "users" && <UsersSection />}
        {tab === "tokens" && <TokensSection />}
        {tab === "purposes" && <PurposesSection />}
        {tab === "audit" && <AuditSection />}
      </div>
    </div>
  );
}
