import { defineMessages } from "../../i18n/define-messages.ts";

export const dashboardMessages = defineMessages("dashboard", {
  en: { title: "Dashboard", customers: "Customers", customersHow: "All customers of the workspace." },
  ja: { title: "ダッシュボード", customers: "顧客", customersHow: "ワークスペースの全顧客。" },
  zh: { title: "仪表板", customers: "客户", customersHow: "工作区的全部客户。" },
  ru: { title: "Обзор", customers: "Клиенты", customersHow: "Все клиенты рабочего пространства." },
});
