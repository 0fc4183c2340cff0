import { lazy } from "react";
import type { PageRoute } from "../../app/page-route.ts";

export const routes: readonly PageRoute[] = [
  {
    path: "admin",
    component: lazy(() => import("./admin-page.tsx")),
    permission: "users.manage",
    nav: { order: 90, label: { en: "Administration", ja: "管理", zh: "管理", ru: "Администрирование" } },
  },
];
