import type { SurveyLocale } from "../../surveys/survey-locale.ts";

/** Languages a recovery letter is written in (the survey languages). */
export type RecoveryLocale = SurveyLocale;

/**
 * A letter template. `{name}` placeholders are filled by fillRecoveryLetter:
 * customer_name, case_subject, case_opened_on, what_went_wrong, root_cause,
 * corrective_action, goodwill_paragraph (empty without a goodwill gesture),
 * company. The body ends with the closing formula; the signature block
 * (signer's name, title, company) is added when the letter is rendered.
 */
export interface RecoveryLetterTemplate {
  subject: string;
  body: string;
  /** The paragraph that offers a goodwill gesture; `{goodwill}` is the gesture. */
  goodwill: string;
}

/** The placeholders a template may use. */
export const recoveryLetterPlaceholders = [
  "customer_name",
  "case_subject",
  "case_opened_on",
  "what_went_wrong",
  "root_cause",
  "corrective_action",
  "goodwill_paragraph",
  "company",
] as const;

/**
 * How a letter addresses a customer whose name is not known, per language:
 * `salutation` replaces the template's greeting line (the first line holding
 * `{customer_name}`), `addressee` fills any other `{customer_name}`.
 */
export const namelessAddress: Readonly<Record<RecoveryLocale, { salutation: string; addressee: string }>> = {
  en: { salutation: "Dear Customer,", addressee: "our customer" },
  ja: { salutation: "お客様", addressee: "お客様" },
  zh: { salutation: "尊敬的客户：", addressee: "客户" },
  ru: { salutation: "Здравствуйте!", addressee: "уважаемый клиент" },
};

/**
 * Default templates, written as a manager would write an apology letter in
 * each language (a workspace may replace them; see recovery_letter_templates).
 * ja follows the 拝啓…敬具 form of a formal お詫び状; zh ends with 此致 敬礼;
 * ru addresses the customer with the capitalised polite «Вы».
 */
export const defaultRecoveryLetterTemplates: Readonly<Record<RecoveryLocale, RecoveryLetterTemplate>> = {
  en: {
    subject: "Our apology regarding “{case_subject}”",
    body: [
      "Dear {customer_name},",
      "",
      "On {case_opened_on} you contacted us about “{case_subject}”. {what_went_wrong}",
      "",
      "This should not have happened. You trusted us to get it right and we let you down, and I would like to apologise to you personally and sincerely for the inconvenience and frustration we caused.",
      "",
      "We have looked carefully into how this came about. The underlying cause was:",
      "{root_cause}",
      "",
      "To make sure it does not happen again, we have taken the following action:",
      "{corrective_action}",
      "",
      "{goodwill_paragraph}",
      "",
      "We value your custom and are grateful for the chance to put things right. If anything is still not as it should be, please reply to this letter or contact me directly, and I will see to it myself.",
      "",
      "Yours sincerely,",
    ].join("\n"),
    goodwill: "As a token of our apology, we would like to offer you the following: {goodwill}.",
  },
  ja: {
    subject: "「{case_subject}」の件に関するお詫び",
    body: [
      "{customer_name} 様",
      "",
      "拝啓　平素より格別のお引き立てを賜り、厚く御礼申し上げます。",
      "",
      "このたびは、{case_opened_on}にお問い合わせいただきました「{case_subject}」の件につきまして、多大なるご迷惑とご不便をおかけいたしましたことを、心より深くお詫び申し上げます。",
      "",
      "{what_went_wrong}",
      "",
      "社内で経緯を詳しく調査いたしましたところ、原因は次のとおりであることが判明いたしました。",
      "{root_cause}",
      "",
      "再発防止のため、以下の対策を講じました。",
      "{corrective_action}",
      "",
      "{goodwill_paragraph}",
      "",
      "今後はこのようなことのないよう、社員一同、細心の注意を払ってまいります。ご不明な点やお気づきの点がございましたら、どうぞご遠慮なく私まで直接ご連絡くださいませ。",
      "",
      "まずは略儀ながら書中をもちまして、心よりお詫び申し上げます。",
      "敬具",
    ].join("\n"),
    goodwill: "つきましては、お詫びのしるしとして、{goodwill}をご用意いたしました。お受け取りいただけましたら幸いに存じます。",
  },
  zh: {
    subject: "关于“{case_subject}”一事的致歉函",
    body: [
      "尊敬的{customer_name}：",
      "",
      "您好！",
      "",
      "{case_opened_on}，您就“{case_subject}”一事与我们联系。此事给您带来了诸多不便与困扰，我们深感抱歉，在此谨向您致以诚挚的歉意。",
      "",
      "{what_went_wrong}",
      "",
      "经过认真的内部调查，我们已查明问题的根本原因：",
      "{root_cause}",
      "",
      "为杜绝类似问题再次发生，我们已采取以下改进措施：",
      "{corrective_action}",
      "",
      "{goodwill_paragraph}",
      "",
      "我们十分珍视您的信任与支持。如您仍有任何疑问或尚未解决的问题，请随时与我直接联系，我将亲自跟进处理。",
      "",
      "再次向您表示诚挚的歉意。",
      "",
      "此致",
      "敬礼！",
    ].join("\n"),
    goodwill: "为表歉意，我们特为您准备了{goodwill}，敬请惠存。",
  },
  ru: {
    subject: "Приносим извинения: «{case_subject}»",
    body: [
      "Здравствуйте, {customer_name}!",
      "",
      "{case_opened_on} Вы обратились к нам по вопросу «{case_subject}». {what_went_wrong}",
      "",
      "Так не должно было случиться. Вы рассчитывали на нас, а мы Вас подвели. Примите, пожалуйста, мои искренние извинения за доставленные неудобства.",
      "",
      "Мы внимательно разобрались в произошедшем и установили причину:",
      "{root_cause}",
      "",
      "Чтобы подобное не повторилось, мы приняли следующие меры:",
      "{corrective_action}",
      "",
      "{goodwill_paragraph}",
      "",
      "Мы очень ценим Ваше доверие и благодарны за возможность всё исправить. Если какой-либо вопрос остался нерешённым, пожалуйста, ответьте на это письмо или свяжитесь со мной напрямую — я лично прослежу за его решением.",
      "",
      "С уважением,",
    ].join("\n"),
    goodwill: "В знак наших извинений мы хотели бы предложить Вам: {goodwill}.",
  },
};
