import { lazy } from "react";
import type { PageRoute } from "../../app/page-route.ts";

export const routes: readonly PageRoute[] = [
  {
    path: "customers",
    component: lazy(() => import("./customers-page.tsx")),
    permission: "customers.read",
    nav: { order: 20, label: { en: "Customers", ja: "顧客", zh: "客户", ru: "Клиенты" } },
  },
  { path: "customers/:id", component: lazy(() => import("../customer-360/customer-360-page.tsx")), permission: "customers.read" },
];
