import { useTranslation } from "react-i18next";
import { i18n } from "./i18n.ts";
import type { Locale } from "./locales.ts";

/** A tree of texts: leaves are strings with {{placeholders}}. */
export interface Messages {
  readonly [key: string]: string | Messages;
}

/** The same keys as T, every leaf a string: what each other language must provide. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/** "a" | "b.c" …: the dotted keys of T's leaves. */
export type MessageKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];

export interface MessageSet<T extends Messages> {
  readonly namespace: string;
  readonly bundles: { readonly en: T } & Readonly<Record<Exclude<Locale, "en">, Translation<T>>>;
}

/**
 * Register the texts of a namespace in every language. English defines the
 * keys; the type makes ja, zh and ru provide exactly the same ones. Call it at
 * the top of a page's messages file: a lazily loaded page registers its
 * texts when its module loads, before it renders.
 */
export function defineMessages<const T extends Messages>(namespace: string, bundles: MessageSet<T>["bundles"]): MessageSet<T> {
  for (const [locale, bundle] of Object.entries(bundles)) i18n.addResourceBundle(locale, namespace, bundle, true, true);
  return { namespace, bundles };
}

export type Translate<T> = (key: MessageKey<T>, values?: Record<string, string | number>) => string;

/** `t` for a message set, typed to its keys, and the current locale. */
export function useMessages<T extends Messages>(set: MessageSet<T>): { t: Translate<T>; locale: Locale } {
  const { t, i18n: instance } = useTranslation(set.namespace);
  const translate: Translate<T> = (key, values) => t(key, values ?? {});
  return { t: translate, locale: instance.language as Locale };
}
