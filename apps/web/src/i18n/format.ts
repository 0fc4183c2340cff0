import { useTranslation } from "react-i18next";
import type { Locale } from "./locales.ts";

/** Formatters in the user's language: numbers, money, percentages and dates through Intl. */
export interface Format {
  locale: Locale;
  number(value: number, digits?: number): string;
  compact(value: number): string;
  percent(ratio: number, digits?: number): string;
  /** Money arrives as a decimal string (never a float in the API); shown with its currency. */
  money(amount: string | number, currency: string, compact?: boolean): string;
  date(iso: string | Date): string;
  dateTime(iso: string | Date): string;
}

const cache = new Map<string, Format>();

export function formatFor(locale: Locale): Format {
  const found = cache.get(locale);
  if (found) return found;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const compactFormat = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const format: Format = {
    locale,
    number: (value, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value),
    compact: (value) => compactFormat.format(value),
    percent: (ratio, digits = 0) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits, minimumFractionDigits: digits }).format(ratio),
    money: (amount, currency, compact = false) => {
      const value = typeof amount === "number" ? amount : Number(amount);
      try {
        return new Intl.NumberFormat(locale, { style: "currency", currency, notation: compact ? "compact" : "standard", maximumFractionDigits: compact ? 1 : 2 }).format(value);
      } catch {
        return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)} ${currency}`;
      }
    },
    date: (iso) => dateFormat.format(typeof iso === "string" ? new Date(iso) : iso),
    dateTime: (iso) => dateTimeFormat.format(typeof iso === "string" ? new Date(iso) : iso),
  };
  cache.set(locale, format);
  return format;
}

/** The formatters of the current language; re-renders when it changes. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  return formatFor(i18n.language as Locale);
}
