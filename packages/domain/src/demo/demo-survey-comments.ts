import type { SurveyLocale } from "../surveys/survey-locale.ts";

/** What an answer's comment is about; matches the default theme dictionaries. */
export type DemoCommentTopic = "delivery" | "billing" | "support" | "price" | "quality" | "praise";

/** Comments as customers write them, per language and topic (unhappy ones for the first five, happy for praise). */
export const demoSurveyComments: Readonly<Record<SurveyLocale, Record<DemoCommentTopic, readonly string[]>>> = {
  en: {
    delivery: ["The delivery was late again and nobody told us.", "Shipping took two weeks, the parcel arrived damaged."],
    billing: ["We were charged twice on the last invoice.", "The invoices are confusing and the refund never came."],
    support: ["Support was slow and not helpful at all.", "I waited days for an answer from your service team."],
    price: ["Too expensive for what we get.", "The price went up again without notice."],
    quality: ["The product broke after a month, poor quality.", "Quality is not what it used to be, two defective units."],
    praise: ["Great service, fast delivery, thank you!", "Excellent quality and very helpful support.", "Easy to order, everything works well."],
  },
  ja: {
    delivery: ["配送が遅く、連絡もありませんでした。", "商品が届くまで二週間かかり、箱も壊れていました。"],
    billing: ["請求が二重になっていました。返金もまだです。", "請求書が分かりにくいです。"],
    support: ["サポートの対応が遅く、残念でした。", "問い合わせへの返信が何日もありませんでした。"],
    price: ["価格が高すぎます。", "値段がまた上がって不満です。"],
    quality: ["一か月で壊れました。品質に問題があります。", "不良品が二回続きました。"],
    praise: ["対応が丁寧で、とても満足しています。", "配送も早く、品質も最高です。ありがとうございます。"],
  },
  zh: {
    delivery: ["快递太慢了，也没有通知。", "等了两个星期才到货，包装还坏了。"],
    billing: ["账单重复扣款，退款还没到。", "发票很混乱，不满意。"],
    support: ["客服回复太慢，态度也差。", "联系客服好几天都没有回复。"],
    price: ["价格太贵了。", "又涨价了，性价比不高。"],
    quality: ["用了一个月就坏了，质量很差。", "两次收到有瑕疵的产品。"],
    praise: ["服务很好，发货很快，谢谢！", "质量不错，客服很专业，非常满意。"],
  },
  ru: {
    delivery: ["Доставка опять задержалась, никто не предупредил.", "Посылку ждали две недели, коробка была повреждена."],
    billing: ["С нас дважды списали оплату по счёту.", "Счета непонятные, возврат так и не пришёл."],
    support: ["Поддержка отвечает медленно и не помогает.", "Ждал ответа от сервиса несколько дней, плохо."],
    price: ["Слишком дорого для такого уровня.", "Цена снова выросла без предупреждения."],
    quality: ["Сломался через месяц, качество плохое.", "Второй раз приходит брак."],
    praise: ["Отличный сервис и быстрая доставка, спасибо!", "Качество хорошее, поддержка вежливая, очень доволен."],
  },
};
