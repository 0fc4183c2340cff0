import { lazy } from "react";
import type { PageRoute } from "../../app/page-route.ts";

export const routes: readonly PageRoute[] = [
  {
    path: "satisfaction",
    component: lazy(() => import("./satisfaction-page.tsx")),
    permission: "analytics.read",
    nav: { order: 40, label: { en: "Satisfaction", ja: "満足度", zh: "满意度", ru: "Удовлетворённость" } },
  },
];
