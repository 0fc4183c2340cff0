import { lazy } from "react";
import type { PageRoute } from "../../app/page-route.ts";

export const routes: readonly PageRoute[] = [
  {
    path: "cases",
    component: lazy(() => import("./cases-page.tsx")),
    permission: "cases.read",
    nav: { order: 50, label: { en: "Cases", ja: "ケース", zh: "工单", ru: "Обращения" } },
  },
  { path: "cases/:id", component: lazy(() => import("./case-page.tsx")), permission: "cases.read" },
];
