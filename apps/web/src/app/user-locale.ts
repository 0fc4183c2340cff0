import { api } from "../api/client.ts";
import { changeLocale, i18n } from "../i18n/i18n.ts";
import { isLocale, type Locale } from "../i18n/locales.ts";

// Set when the language was switched on the sign-in form: that choice then wins over the stored one.
let chosenWhileSignedOut = false;

/** The language switch of the sign-in form. */
export function chooseLocaleSignedOut(locale: Locale): void {
  chosenWhileSignedOut = true;
  void changeLocale(locale);
}

/** Remember the language for the signed-in user (users.locale), so it follows them to other browsers. */
export async function saveUserLocale(locale: Locale): Promise<void> {
  try {
    await api<{ locale: string }>("/api/session/preferences", { method: "PUT", body: { locale } });
  } catch {
    // The choice is still kept in this browser; the next change tries again.
  }
}

/** After signing in: keep a language chosen on the sign-in form, else switch to the user's stored one. */
export async function syncUserLocale(): Promise<void> {
  if (chosenWhileSignedOut) {
    chosenWhileSignedOut = false;
    await saveUserLocale(i18n.language as Locale);
    return;
  }
  try {
    const { locale } = await api<{ locale: string }>("/api/session/preferences");
    if (isLocale(locale) && locale !== i18n.language) await changeLocale(locale);
  } catch {
    // Without stored preferences the browser's language stays.
  }
}
