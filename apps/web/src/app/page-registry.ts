import type { PageRoute } from "./page-route.ts";

// Every src/pages/*/route.ts, found at build time. route.ts files are small
// (path, label, lazy import): the pages themselves load when first opened.
const modules = import.meta.glob<{ routes: readonly PageRoute[] }>("../pages/*/route.ts", { eager: true });

/** All page routes of the app. */
export const pageRoutes: readonly PageRoute[] = Object.values(modules).flatMap((module) => module.routes);

/** The routes with a navigation entry, in navigation order. */
export const navRoutes: readonly (PageRoute & { nav: NonNullable<PageRoute["nav"]> })[] = pageRoutes
  .filter((route): route is PageRoute & { nav: NonNullable<PageRoute["nav"]> } => route.nav !== undefined)
  .sort((a, b) => a.nav.order - b.nav.order);
