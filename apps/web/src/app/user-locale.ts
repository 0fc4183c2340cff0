import { api } from "../api/client.ts";
import type { Locale } from "../i18n/locales.ts";

/** Remember the language for the signed-in user (users.locale), so it follows them to other browsers. */
export async function saveUserLocale(locale: Locale): Promise<void> {
  try {
    await api<void>("/api/session/me/locale", { method: "PUT", body: { locale } });
  } catch {
    // The choice is still kept in this browser; the next change tries again.
  }
}
