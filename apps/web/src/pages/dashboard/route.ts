import { lazy } from "react";
import type { PageRoute } from "../../app/page-route.ts";

export const routes: readonly PageRoute[] = [
  {
    path: "dashboard",
    component: lazy(() => import("./dashboard-page.tsx")),
    nav: { order: 10, label: { en: "Dashboard", ja: "ダッシュボード", zh: "仪表板", ru: "Обзор" } },
  },
];
