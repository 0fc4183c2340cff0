import { lazy } from "react";
import type { PageRoute } from "../../app/page-route.ts";

export const routes: readonly PageRoute[] = [
  {
    path: "imports",
    component: lazy(() => import("./imports-page.tsx")),
    permission: "imports.run",
    nav: { order: 60, label: { en: "Imports", ja: "インポート", zh: "导入", ru: "Импорт" } },
  },
];
