import { surveyLocale } from "../surveys/survey-locale.ts";
import type { RecoveryLocale } from "../cases/recovery/recovery-letter-templates.ts";
import type { DemoDataset } from "./demo-dataset.ts";

/** A demo case that is a company failure, as the recovery plan needs it. */
export interface DemoFailureCase {
  caseId: string;
  customerLocale: string | null;
  openedAt: Date;
  /** The case's subject: picks the story (see storyOf). */
  subject: string;
}

/**
 * The demo's company-failure cases that one of the stories fits and whose
 * customer has an e-mail address (so a letter can be sent).
 */
export function demoFailureCases(dataset: Pick<DemoDataset, "cases" | "customers">): DemoFailureCase[] {
  const customers = new Map(dataset.customers.map((c) => [c.id, c]));
  return dataset.cases.cases
    .filter((c) => c.isCompanyFailure && storyOf(c.subject) !== null && (customers.get(c.customerId)?.email ?? null) !== null)
    .map((c) => ({ caseId: c.id, customerLocale: customers.get(c.customerId)?.locale ?? null, openedAt: c.openedAt, subject: c.subject }));
}

/** How far a demo recovery got. */
export type DemoRecoveryStage = "drafted" | "approved" | "sent" | "followed_up";

/** One demo recovery: what happened, and when each step was taken. */
export interface DemoRecoveryPlan {
  caseId: string;
  locale: RecoveryLocale;
  stage: DemoRecoveryStage;
  whatWentWrong: string;
  rootCause: string;
  correctiveAction: string;
  goodwill: string | null;
  followUpNote: string;
  startedAt: Date;
  draftedAt: Date;
  approvedAt: Date;
  sentAt: Date;
  followUpAt: Date;
}

interface Scenario {
  whatWentWrong: string;
  rootCause: string;
  correctiveAction: string;
  goodwill: string | null;
  followUpNote: string;
}

// Three kinds of failure, written in each language as staff would write them.
const scenarios: Record<RecoveryLocale, [Scenario, Scenario, Scenario]> = {
  en: [
    {
      whatWentWrong: "Your order arrived eleven days later than we promised, and you had to chase us twice for an update.",
      rootCause: "A carrier change at our warehouse left a batch of orders without tracking, and nobody was alerted when they stopped moving.",
      correctiveAction: "Every shipment is now checked daily against the carrier's scans, and any order without movement for 48 hours is escalated to a named person.",
      goodwill: "a 20% discount on your next order",
      followUpNote: "Called the customer: the last two deliveries were on time and they are happy with the follow-up.",
    },
    {
      whatWentWrong: "You were charged twice for the same invoice.",
      rootCause: "A payment retry after a timeout was not checked against the payment that had already gone through.",
      correctiveAction: "Retries now check for an existing payment first, and the duplicate was refunded in full.",
      goodwill: null,
      followUpNote: "Refund confirmed on the customer's statement; no further questions.",
    },
    {
      whatWentWrong: "The machine we delivered stopped heating after three weeks, and our first replacement had the same fault.",
      rootCause: "A batch of heating elements from one supplier was faulty, and our incoming inspection only sampled one unit in fifty.",
      correctiveAction: "Every heating element is now tested before assembly, the affected batch was withdrawn, and you received a machine from a tested batch.",
      goodwill: "a free descaling service for the next two years",
      followUpNote: "The customer confirms the new machine works well; descaling service booked.",
    },
  ],
  ja: [
    {
      whatWentWrong: "ご注文の商品を、お約束の日から十一日遅れてお届けすることとなり、その間、状況確認のために二度もご連絡をいただく事態となりました。",
      rootCause: "倉庫での配送業者の切り替えの際、一部のご注文に追跡番号が付与されず、配送が止まっていることを検知できない状態になっておりました。",
      correctiveAction: "全ての出荷について配送業者の記録との照合を毎日行い、四十八時間動きのないご注文は担当者が直ちに対応する体制といたしました。",
      goodwill: "次回のご注文にご利用いただける20%割引",
      followUpNote: "お客様にお電話し、その後二回のお届けが予定どおりであったことを確認。ご満足いただいている。",
    },
    {
      whatWentWrong: "同一のご請求に対して、二重にお支払いをいただく結果となってしまいました。",
      rootCause: "通信のタイムアウト後の再処理において、既に完了していたお支払いとの照合が行われておりませんでした。",
      correctiveAction: "再処理の前に既存のお支払いを必ず確認する仕組みに改め、重複分は全額返金いたしました。",
      goodwill: null,
      followUpNote: "お客様の明細で返金を確認済み。その他のご質問はなし。",
    },
    {
      whatWentWrong: "お届けした機器が三週間で加熱しなくなり、最初にお送りした交換品にも同じ不具合がございました。",
      rootCause: "特定の仕入先から納入された加熱部品の一ロットに不良があり、弊社の受入検査が五十台に一台の抜き取りにとどまっていたため、見逃しておりました。",
      correctiveAction: "組立前に全ての加熱部品を検査する体制に改め、該当ロットを回収するとともに、検査済みロットの機器をお届けいたしました。",
      goodwill: "今後二年間の無償メンテナンス（湯垢除去）",
      followUpNote: "新しい機器が問題なく稼働していることをお客様に確認。メンテナンスの日程も調整済み。",
    },
  ],
  zh: [
    {
      whatWentWrong: "您的订单比我们承诺的时间晚到了十一天，期间您还不得不两次联系我们询问进度。",
      rootCause: "仓库更换承运商时，有一批订单没有生成物流追踪号，订单停滞后系统也未能发出任何提醒。",
      correctiveAction: "现在我们每天将所有发货与承运商的扫描记录逐一核对，凡48小时内没有物流更新的订单，都会由专人立即跟进。",
      goodwill: "一张下次订单可用的八折优惠券",
      followUpNote: "已致电客户：之后两次送货均准时送达，客户对跟进表示满意。",
    },
    {
      whatWentWrong: "同一张发票被重复扣款了两次。",
      rootCause: "支付超时后系统自动重试，但没有核对之前的付款实际上已经成功。",
      correctiveAction: "现在系统在重试前会先核对是否已有付款，重复扣除的款项也已全额退还。",
      goodwill: null,
      followUpNote: "客户账单上已确认退款，没有其他问题。",
    },
    {
      whatWentWrong: "我们交付的咖啡机使用三周后就无法加热，第一次更换的机器也出现了同样的故障。",
      rootCause: "某供应商提供的一批加热元件存在缺陷，而我们的来料检验只按五十抽一进行抽检，未能发现问题。",
      correctiveAction: "现在每个加热元件在组装前都会逐一检测，问题批次已全部召回，我们也已为您换上经过检测批次的机器。",
      goodwill: "未来两年的免费除垢保养服务",
      followUpNote: "客户确认新机器运行良好，除垢保养已预约。",
    },
  ],
  ru: [
    {
      whatWentWrong: "Ваш заказ пришёл на одиннадцать дней позже обещанного срока, и Вам пришлось дважды обращаться к нам, чтобы узнать, где он.",
      rootCause: "При смене перевозчика на складе часть заказов осталась без трек-номеров, и никто не получил сигнала, когда они перестали двигаться.",
      correctiveAction: "Теперь каждая отправка ежедневно сверяется с данными перевозчика, а заказ без движения дольше 48 часов сразу передаётся ответственному сотруднику.",
      goodwill: "скидку 20 % на следующий заказ",
      followUpNote: "Позвонили клиенту: две последние доставки пришли вовремя, клиент доволен.",
    },
    {
      whatWentWrong: "С Вас дважды списали оплату по одному и тому же счёту.",
      rootCause: "После тайм-аута платёж был отправлен повторно без проверки того, что первый уже прошёл.",
      correctiveAction: "Теперь перед повтором система проверяет, нет ли уже оплаты, а лишняя сумма возвращена полностью.",
      goodwill: null,
      followUpNote: "Возврат виден в выписке клиента, вопросов больше нет.",
    },
    {
      whatWentWrong: "Поставленная нами машина через три недели перестала нагревать воду, а первая замена оказалась с тем же дефектом.",
      rootCause: "Партия нагревательных элементов от одного поставщика оказалась бракованной, а наш входной контроль проверял лишь один элемент из пятидесяти.",
      correctiveAction: "Теперь каждый нагревательный элемент проверяется перед сборкой, бракованная партия отозвана, и Вам доставлена машина из проверенной партии.",
      goodwill: "бесплатную чистку от накипи в течение двух лет",
      followUpNote: "Клиент подтвердил, что новая машина работает исправно; чистка от накипи запланирована.",
    },
  ],
};

// The stories, by the demo case subjects they fit (packages/domain/src/demo/demo-cases.ts).
const stories: Readonly<Record<string, 0 | 1 | 2>> = { "Order arrived late": 0, "Where is my order?": 0, "Charged twice for one order": 1, "Machine stopped heating": 2 };

/** Which story fits a case: 0 a late delivery, 1 a double charge, 2 a faulty heater; null when none does. */
function storyOf(subject: string): 0 | 1 | 2 | null {
  return stories[subject] ?? null;
}

const stages: readonly DemoRecoveryStage[] = ["followed_up", "sent", "approved", "drafted"];
const HOUR = 3_600_000;

/**
 * Recoveries for a few demo failure cases, in each customer's language and at
 * every stage (drafted, approved, sent, followed up), so the demo shows the
 * whole flow. Pure and deterministic: the same cases give the same plans.
 */
export function planDemoRecoveries(cases: readonly DemoFailureCase[], max = 8): DemoRecoveryPlan[] {
  const chosen = [...cases].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)).slice(0, max);
  return chosen.map((c, i) => {
    const locale = surveyLocale(c.customerLocale);
    const scenario = scenarios[locale][storyOf(c.subject) ?? 0];
    const t0 = c.openedAt.getTime();
    return {
      caseId: c.caseId,
      locale,
      stage: stages[i % stages.length] ?? "drafted",
      ...scenario,
      startedAt: new Date(t0 + 4 * HOUR),
      draftedAt: new Date(t0 + 28 * HOUR),
      approvedAt: new Date(t0 + 50 * HOUR),
      sentAt: new Date(t0 + 54 * HOUR),
      followUpAt: new Date(t0 + 54 * HOUR + 14 * 24 * HOUR),
    };
  });
}
