import type { RecoveryLocale } from "./recovery-letter-templates.ts";
import type { ProportionEstimate, RecoveryComparison, RecoveryCohort } from "./recovery-paradox.ts";

interface ReportTexts {
  groups: Record<Exclude<RecoveryCohort, "recovered">, string>;
  metrics: Record<RecoveryComparison["metric"], string>;
  notEnoughData: string;
  noClearDifference: string;
  higher: string;
  lower: string;
}

const texts: Record<RecoveryLocale, ReportTexts> = {
  en: {
    groups: { no_case: "customers who never had a case", unresolved_failure: "customers with an unresolved failure" },
    metrics: { repurchase: "repurchase rate", churn: "churn rate" },
    notEnoughData: "Not enough data to compare the {metric} of recovered customers with {group}: each group needs at least {min} customers (now {n_a} and {n_b}).",
    noClearDifference: "No clear difference in {metric} between recovered customers and {group}: the 95% intervals overlap.",
    higher: "The {metric} of recovered customers is higher than that of {group} ({a} vs {b}; the 95% intervals do not overlap).",
    lower: "The {metric} of recovered customers is lower than that of {group} ({a} vs {b}; the 95% intervals do not overlap).",
  },
  ja: {
    groups: { no_case: "問い合わせ履歴のない顧客", unresolved_failure: "不備が未解決の顧客" },
    metrics: { repurchase: "再購入率", churn: "離反率" },
    notEnoughData: "{metric}について、リカバリー済みの顧客と{group}を比較するにはデータが不足しています（各グループ{min}人以上が必要です。現在は{n_a}人と{n_b}人）。",
    noClearDifference: "{metric}について、リカバリー済みの顧客と{group}との間に明確な差は見られません（95%信頼区間が重なっています）。",
    higher: "リカバリー済みの顧客の{metric}は、{group}よりも高くなっています（{a}対{b}。95%信頼区間は重なっていません）。",
    lower: "リカバリー済みの顧客の{metric}は、{group}よりも低くなっています（{a}対{b}。95%信頼区間は重なっていません）。",
  },
  zh: {
    groups: { no_case: "从未有过服务工单的客户", unresolved_failure: "失误尚未解决的客户" },
    metrics: { repurchase: "复购率", churn: "流失率" },
    notEnoughData: "数据不足，无法就{metric}比较已挽回的客户与{group}：每组至少需要{min}位客户（目前分别为{n_a}位和{n_b}位）。",
    noClearDifference: "在{metric}方面，已挽回的客户与{group}之间没有明显差异：两者的95%置信区间相互重叠。",
    higher: "已挽回客户的{metric}高于{group}（{a}对{b}，95%置信区间不重叠）。",
    lower: "已挽回客户的{metric}低于{group}（{a}对{b}，95%置信区间不重叠）。",
  },
  ru: {
    groups: { no_case: "без обращений", unresolved_failure: "сбой не устранён" },
    metrics: { repurchase: "доля повторных покупок", churn: "доля ушедших клиентов" },
    notEnoughData: "Недостаточно данных для сравнения с группой «{group}» по показателю «{metric}»: в каждой группе нужно не меньше {min} клиентов (сейчас {n_a} и {n_b}).",
    noClearDifference: "Показатель «{metric}»: явной разницы между восстановленными клиентами и группой «{group}» нет — 95-процентные доверительные интервалы пересекаются.",
    higher: "Показатель «{metric}» у восстановленных клиентов выше, чем в группе «{group}» ({a} против {b}; 95-процентные доверительные интервалы не пересекаются).",
    lower: "Показатель «{metric}» у восстановленных клиентов ниже, чем в группе «{group}» ({a} против {b}; 95-процентные доверительные интервалы не пересекаются).",
  },
};

const percent = (e: ProportionEstimate): string => (e.rate === null ? "–" : `${Math.round(e.rate * 100)}%`);

/** One comparison in plain words, in the reader's language. */
export function describeRecoveryComparison(locale: RecoveryLocale, comparison: RecoveryComparison, recovered: ProportionEstimate, other: ProportionEstimate, minN: number): string {
  const t = texts[locale];
  const values: Record<string, string> = {
    metric: t.metrics[comparison.metric],
    group: t.groups[comparison.against],
    min: String(minN),
    n_a: String(recovered.n),
    n_b: String(other.n),
    a: percent(recovered),
    b: percent(other),
  };
  const higher = recovered.rate !== null && other.rate !== null && recovered.rate > other.rate;
  const template =
    comparison.verdict === "not_enough_data" ? t.notEnoughData : comparison.verdict === "no_clear_difference" ? t.noClearDifference : higher ? t.higher : t.lower;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
