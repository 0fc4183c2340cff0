import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { browserLocale, isLocale, type Locale } from "./locales.ts";

const storageKey = "tenure.locale";

/** The language to start in: the one chosen before on this browser, else the browser's. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  return isLocale(stored) ? stored : browserLocale(navigator.languages);
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: initialLocale(),
  fallbackLng: "en",
  resources: {},
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

/** Switch the language of the whole app and remember it on this browser. */
export async function changeLocale(locale: Locale): Promise<void> {
  localStorage.setItem(storageKey, locale);
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

document.documentElement.lang = i18n.language;
