import type { RatingType } from "./survey-question.ts";
import type { SurveyLocale } from "./survey-locale.ts";

/** Standard wording of a rating type: the question (with `{company}`) and its end labels. */
export interface RatingWording {
  question: string;
  low: string;
  high: string;
}

/** Every text of the public survey page in one language. */
export interface SurveyPageTexts {
  title: string;
  submit: string;
  required: string;
  thanksTitle: string;
  thanksBody: string;
  invalidTitle: string;
  invalidBody: string;
  expiredTitle: string;
  expiredBody: string;
  usedTitle: string;
  usedBody: string;
  tooManyTitle: string;
  tooManyBody: string;
  fixErrors: string;
  answerRequired: string;
  /** With `{min}` and `{max}`. */
  outOfRange: string;
  unknownChoice: string;
  /** With `{max}`. */
  tooLong: string;
  emailSubject: string;
  /** With `{company}`; the link follows on its own line. */
  emailBody: string;
}

export interface SurveyTexts {
  page: SurveyPageTexts;
  ratings: Record<RatingType, RatingWording>;
}

/** Standard question wording and page texts in en, ja, zh and ru. */
export const surveyTexts: Readonly<Record<SurveyLocale, SurveyTexts>> = {
  en: {
    page: {
      title: "Your feedback",
      submit: "Send",
      required: "required",
      thanksTitle: "Thank you",
      thanksBody: "Your answers have been recorded.",
      invalidTitle: "This link is not valid",
      invalidBody: "Please open the link exactly as it appears in the message we sent you.",
      expiredTitle: "This survey has closed",
      expiredBody: "The link has expired. Thank you for your interest.",
      usedTitle: "You have already answered",
      usedBody: "Your answers were recorded earlier. Thank you!",
      tooManyTitle: "Please wait a moment",
      tooManyBody: "There were too many requests. Please try again in a minute.",
      fixErrors: "Please check the answers marked below.",
      answerRequired: "Please answer this question.",
      outOfRange: "Please choose a value from {min} to {max}.",
      unknownChoice: "Please choose one of the options.",
      tooLong: "Please keep your answer under {max} characters.",
      emailSubject: "How are we doing?",
      emailBody: "{company} would like to hear from you. It takes a minute:",
    },
    ratings: {
      nps: { question: "How likely are you to recommend {company} to a friend or colleague?", low: "Not at all likely", high: "Extremely likely" },
      csat: { question: "How satisfied were you with {company}?", low: "Very dissatisfied", high: "Very satisfied" },
      ces: { question: "{company} made it easy for me to handle my issue.", low: "Strongly disagree", high: "Strongly agree" },
      acsi_overall: { question: "Overall, how satisfied are you with {company}?", low: "Very dissatisfied", high: "Very satisfied" },
      acsi_expectations: { question: "To what extent has {company} fallen short of or exceeded your expectations?", low: "Falls far short", high: "Far exceeds" },
      acsi_ideal: { question: "How close is {company} to the ideal company of its kind?", low: "Very far", high: "Very close" },
      importance: { question: "How important is this to you?", low: "Not important", high: "Very important" },
    },
  },
  ja: {
    page: {
      title: "アンケートへのご協力のお願い",
      submit: "送信",
      required: "必須",
      thanksTitle: "ありがとうございました",
      thanksBody: "ご回答を受け付けました。",
      invalidTitle: "このリンクは無効です",
      invalidBody: "お送りしたメッセージ内のリンクをそのまま開いてください。",
      expiredTitle: "このアンケートは終了しました",
      expiredBody: "リンクの有効期限が切れています。ご関心をお寄せいただきありがとうございます。",
      usedTitle: "すでにご回答いただいています",
      usedBody: "以前のご回答を受け付け済みです。ありがとうございました。",
      tooManyTitle: "しばらくお待ちください",
      tooManyBody: "リクエストが多すぎます。1分ほどしてから再度お試しください。",
      fixErrors: "以下の印の付いた回答をご確認ください。",
      answerRequired: "この質問にお答えください。",
      outOfRange: "{min}から{max}までの値を選んでください。",
      unknownChoice: "選択肢から選んでください。",
      tooLong: "{max}文字以内でご記入ください。",
      emailSubject: "ご意見をお聞かせください",
      emailBody: "{company}より、ご意見をお伺いしたくご連絡しました。1分ほどで終わります：",
    },
    ratings: {
      nps: { question: "{company}を友人や同僚に勧める可能性はどのくらいありますか？", low: "まったく勧めない", high: "ぜひ勧めたい" },
      csat: { question: "{company}にどの程度満足しましたか？", low: "非常に不満", high: "非常に満足" },
      ces: { question: "{company}のおかげで、問題を簡単に解決できた。", low: "まったくそう思わない", high: "強くそう思う" },
      acsi_overall: { question: "全体として、{company}にどの程度満足していますか？", low: "非常に不満", high: "非常に満足" },
      acsi_expectations: { question: "{company}はあなたの期待をどの程度下回りましたか、または上回りましたか？", low: "期待を大きく下回る", high: "期待を大きく上回る" },
      acsi_ideal: { question: "{company}は、同種の理想的な企業にどの程度近いですか？", low: "非常に遠い", high: "非常に近い" },
      importance: { question: "これはあなたにとってどの程度重要ですか？", low: "重要ではない", high: "非常に重要" },
    },
  },
  zh: {
    page: {
      title: "您的反馈",
      submit: "提交",
      required: "必填",
      thanksTitle: "谢谢",
      thanksBody: "您的回答已记录。",
      invalidTitle: "此链接无效",
      invalidBody: "请按我们发送给您的消息中的原样打开链接。",
      expiredTitle: "此调查已结束",
      expiredBody: "链接已过期。感谢您的关注。",
      usedTitle: "您已经回答过了",
      usedBody: "您之前的回答已记录。谢谢！",
      tooManyTitle: "请稍候",
      tooManyBody: "请求过多，请一分钟后再试。",
      fixErrors: "请检查下面标出的回答。",
      answerRequired: "请回答此问题。",
      outOfRange: "请选择 {min} 到 {max} 之间的数值。",
      unknownChoice: "请从选项中选择。",
      tooLong: "请将回答控制在 {max} 个字符以内。",
      emailSubject: "您对我们的服务满意吗？",
      emailBody: "{company} 希望听到您的意见，只需一分钟：",
    },
    ratings: {
      nps: { question: "您向朋友或同事推荐{company}的可能性有多大？", low: "完全不可能", high: "极有可能" },
      csat: { question: "您对{company}的满意程度如何？", low: "非常不满意", high: "非常满意" },
      ces: { question: "{company}让我轻松地解决了问题。", low: "非常不同意", high: "非常同意" },
      acsi_overall: { question: "总体而言，您对{company}的满意程度如何？", low: "非常不满意", high: "非常满意" },
      acsi_expectations: { question: "{company}在多大程度上低于或超出了您的期望？", low: "远低于期望", high: "远超期望" },
      acsi_ideal: { question: "{company}与您心目中理想的同类公司有多接近？", low: "相差很远", high: "非常接近" },
      importance: { question: "这一点对您有多重要？", low: "不重要", high: "非常重要" },
    },
  },
  ru: {
    page: {
      title: "Ваш отзыв",
      submit: "Отправить",
      required: "обязательно",
      thanksTitle: "Спасибо",
      thanksBody: "Ваши ответы сохранены.",
      invalidTitle: "Ссылка недействительна",
      invalidBody: "Откройте ссылку точно в том виде, в каком она указана в нашем сообщении.",
      expiredTitle: "Опрос завершён",
      expiredBody: "Срок действия ссылки истёк. Спасибо за интерес.",
      usedTitle: "Вы уже ответили",
      usedBody: "Ваши ответы были сохранены ранее. Спасибо!",
      tooManyTitle: "Подождите немного",
      tooManyBody: "Слишком много запросов. Попробуйте ещё раз через минуту.",
      fixErrors: "Проверьте отмеченные ниже ответы.",
      answerRequired: "Пожалуйста, ответьте на этот вопрос.",
      outOfRange: "Выберите значение от {min} до {max}.",
      unknownChoice: "Выберите один из вариантов.",
      tooLong: "Ответ должен быть короче {max} символов.",
      emailSubject: "Как мы работаем?",
      emailBody: "{company} хотели бы узнать ваше мнение. Это займёт минуту:",
    },
    ratings: {
      nps: { question: "Насколько вероятно, что вы порекомендуете {company} другу или коллеге?", low: "Совсем маловероятно", high: "Очень вероятно" },
      csat: { question: "Насколько вы довольны работой {company}?", low: "Совсем не доволен", high: "Очень доволен" },
      ces: { question: "С {company} мне было легко решить свой вопрос.", low: "Полностью не согласен", high: "Полностью согласен" },
      acsi_overall: { question: "В целом насколько вы удовлетворены работой {company}?", low: "Совсем не удовлетворён", high: "Полностью удовлетворён" },
      acsi_expectations: { question: "Насколько работа {company} не оправдала или превзошла ваши ожидания?", low: "Намного ниже ожиданий", high: "Намного выше ожиданий" },
      acsi_ideal: { question: "Насколько {company} близко к идеалу среди компаний такого рода?", low: "Очень далеко", high: "Очень близко" },
      importance: { question: "Насколько это важно для вас?", low: "Не важно", high: "Очень важно" },
    },
  },
};

/** Replace `{name}` placeholders with values. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
