import { useId } from "react";
import { changeLocale } from "../i18n/i18n.ts";
import { useMessages } from "../i18n/define-messages.ts";
import { commonMessages } from "../i18n/common-messages.ts";
import { isLocale, localeNames, locales } from "../i18n/locales.ts";
import { chooseLocaleSignedOut, saveUserLocale } from "./user-locale.ts";

/** A labelled select of the four languages; the choice is kept for this browser and, signed in, for the user. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, locale } = useMessages(commonMessages);
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t("language")}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          if (!signedIn) return chooseLocaleSignedOut(next);
          void changeLocale(next);
          void saveUserLocale(next);
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
