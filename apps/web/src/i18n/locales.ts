/** The languages of the web app; every text exists in each. */
export const locales = ["en", "ja", "zh", "ru"] as const;
export type Locale = (typeof locales)[number];

/** Each language's name in itself, for the language switch. */
export const localeNames: Record<Locale, string> = { en: "English", ja: "日本語", zh: "中文", ru: "Русский" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The first supported language among the browser's preferences, else English. */
export function browserLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return "en";
}
