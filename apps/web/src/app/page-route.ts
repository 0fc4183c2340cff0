import type { ComponentType, LazyExoticComponent } from "react";
import type { Locale } from "../i18n/locales.ts";

/**
 * A page of the app. Each folder under src/pages/ has a `route.ts` exporting
 * `routes: readonly PageRoute[]`; the router finds them by themselves (see
 * page-registry.ts), so adding a page edits no shared file.
 */
export interface PageRoute {
  /** Path under /, without the leading slash: "customers", "customers/:id". */
  path: string;
  /** The page, loaded on demand: `lazy(() => import("./CustomersPage.tsx"))`. */
  component: LazyExoticComponent<ComponentType>;
  /** Shown only to roles holding this permission (the API enforces it anyway). */
  permission?: string;
  /** An entry in the navigation; routes without one are reached by links. */
  nav?: NavEntry;
}

export interface NavEntry {
  /** Position in the navigation: dashboard 10, customers 20, value 30, satisfaction 40, cases 50, imports 60, admin 90. */
  order: number;
  /** The label in every language (kept here so the navigation needs no page code). */
  label: Readonly<Record<Locale, string>>;
}
