import { useId, useState } from "react";
import { useMessages } from "../../i18n/define-messages.ts";
import { useFormat } from "../../i18n/format.ts";
import { customersMessages } from "../customers/customers-messages.ts";
import { customer360Messages } from "./customer-360-messages.ts";
import { revealPurposes, type Profile, type RevealPurpose } from "./customer-360-types.ts";

/** The customer's facts and contacts; personal data masked unless revealed for a purpose. */
export function ProfileSection({ profile, purpose, onReveal }: { profile: Profile; purpose: RevealPurpose | null; onReveal: (purpose: RevealPurpose | null) => void }) {
  const { t } = useMessages(customer360Messages);
  const kinds = useMessages(customersMessages);
  const format = useFormat();
  const c = profile.customer;
  const dash = "—";
  const masked = [c.email, c.phone, c.name].some((v) => v?.includes("*"));
  const facts: [string, string | null][] = [
    [t("fields.email"), c.email],
    [t("fields.phone"), c.phone],
    [t("fields.kind"), kinds.t(c.kind === "person" ? "person" : "organization")],
    [t("fields.country"), c.country],
    [t("fields.timeZone"), c.time_zone],
    [t("fields.locale"), c.locale],
    [t("fields.accountType"), c.account_type],
    [t("fields.industry"), c.industry],
    [t("fields.externalId"), c.external_id],
    [t("fields.firstSeen"), c.first_seen_at && format.date(c.first_seen_at)],
    [t("fields.created"), format.date(c.created_at)],
  ];
  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("profile")}</h2>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value ?? dash}</dd>
          </div>
        ))}
      </dl>
      <RevealForm purpose={purpose} masked={masked} onReveal={onReveal} />
      <h3 className="subhead">{t("contacts.title")}</h3>
      {profile.contacts.length === 0 ? (
        <p className="muted">{t("contacts.empty")}</p>
      ) : (
        <ul className="plain-list">
          {profile.contacts.map((contact) => (
            <li key={contact.id}>
              <strong>{contact.name ?? dash}</strong> {contact.is_primary && <span className="badge">{t("contacts.primary")}</span>}
              <br />
              <span className="muted small">{[contact.title ?? contact.role, contact.email, contact.phone].filter(Boolean).join(" · ")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RevealForm({ purpose, masked, onReveal }: { purpose: RevealPurpose | null; masked: boolean; onReveal: (purpose: RevealPurpose | null) => void }) {
  const { t } = useMessages(customer360Messages);
  const [choice, setChoice] = useState<RevealPurpose>("service");
  const id = useId();
  if (purpose !== null) {
    return (
      <div className="reveal">
        <p role="status" className={masked ? "form-error" : "muted"}>
          {masked ? t("reveal.stillMasked", { purpose: t(`purposes.${purpose}`) }) : t("reveal.shown", { purpose: t(`purposes.${purpose}`) })}
        </p>
        <button type="button" className="button" onClick={() => onReveal(null)}>
          {t("reveal.hide")}
        </button>
      </div>
    );
  }
  return (
    <form
      className="reveal toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        onReveal(choice);
      }}
    >
      <p className="muted small">{t("reveal.note")}</p>
      <div className="field">
        <label htmlFor={id}>{t("reveal.purpose")}</label>
        <select id={id} value={choice} onChange={(event) => setChoice(event.target.value as RevealPurpose)}>
          {revealPurposes.map((p) => (
            <option key={p} value={p}>
              {t(`purposes.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary">
        {t("reveal.button")}
      </button>
    </form>
  );
}
