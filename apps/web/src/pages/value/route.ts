import { lazy } from "react";
import type { PageRoute } from "../../app/page-route.ts";

export const routes: readonly PageRoute[] = [
  {
    path: "value",
    component: lazy(() => import("./value-page.tsx")),
    permission: "analytics.read",
    nav: { order: 30, label: { en: "Value", ja: "顧客価値", zh: "客户价值", ru: "Ценность" } },
  },
];
