import type { FeedbackLanguage, ThemeDictionary } from "./feedback.ts";

/**
 * The themes every workspace starts with, per language. English and Russian
 * keywords are compared after light stemming (so "deliveries" finds
 * "delivery", "доставку" finds "доставка"); `*` makes a prefix. Japanese and
 * Chinese have no spaces between words, so their keywords match as
 * substrings. A workspace replaces a language's dictionary with
 * PUT /api/feedback/dictionaries/{lang}.
 */
export const defaultThemeDictionaries: Readonly<Record<FeedbackLanguage, ThemeDictionary>> = {
  en: {
    delivery: ["delivery", "deliver*", "shipping", "shipment", "courier", "parcel", "package", "arrived", "late", "delay*"],
    price: ["price", "pricing", "expensive", "cheap", "cost*", "overpriced", "discount", "value for money"],
    quality: ["quality", "broken", "defect*", "faulty", "damaged", "durable", "poorly made", "works well"],
    support: ["support", "service", "agent", "helpdesk", "help desk", "customer care", "representative", "rude", "helpful"],
    billing: ["bill*", "invoice*", "charge*", "refund*", "payment*", "overcharg*", "receipt"],
    usability: ["easy", "difficult", "confusing", "intuitive", "usabilit*", "interface", "app", "website", "login", "user-friendly"],
    speed: ["slow", "fast", "quick*", "wait*", "waiting", "response time", "took ages"],
    communication: ["email*", "call*", "inform*", "update*", "no answer", "respond*", "communicat*"],
  },
  ja: {
    delivery: ["配送", "配達", "発送", "届", "遅延", "到着", "宅配"],
    price: ["価格", "値段", "料金", "高い", "安い", "割引", "コスト"],
    quality: ["品質", "不良", "壊れ", "故障", "傷", "丈夫"],
    support: ["サポート", "対応", "窓口", "担当者", "問い合わせ", "お問合せ", "接客"],
    billing: ["請求", "支払", "返金", "課金", "領収書", "引き落とし"],
    usability: ["使いやす", "使いにく", "分かりにく", "わかりにく", "操作", "アプリ", "画面", "ログイン"],
    speed: ["遅い", "早い", "速い", "待た", "時間がかか"],
    communication: ["連絡", "メール", "電話", "返信", "案内"],
  },
  zh: {
    delivery: ["配送", "快递", "发货", "物流", "送货", "到货", "延迟"],
    price: ["价格", "价钱", "贵", "便宜", "折扣", "性价比", "费用"],
    quality: ["质量", "品质", "坏了", "损坏", "故障", "瑕疵", "耐用"],
    support: ["客服", "服务", "售后", "支持", "态度"],
    billing: ["账单", "发票", "扣款", "退款", "付款", "收费"],
    usability: ["好用", "难用", "操作", "界面", "复杂", "方便", "登录", "应用"],
    speed: ["慢", "很快", "等待", "等了", "速度"],
    communication: ["联系", "邮件", "电话", "回复", "通知"],
  },
  ru: {
    delivery: ["доставка", "достав*", "курьер", "посылка", "отправка", "задержка", "опоздание"],
    price: ["цена", "дорого", "дорогой", "дешево", "дешёвый", "скидка", "стоимость"],
    quality: ["качество", "брак", "сломан*", "дефект", "поврежден*", "повреждён*", "надежный", "надёжный"],
    support: ["поддержка", "сервис", "обслуживание", "оператор", "менеджер", "грубый", "вежливый"],
    billing: ["счёт", "счет", "оплата", "возврат", "списание", "списал*", "платеж", "платёж", "квитанция"],
    usability: ["удобно", "удобный", "неудобно", "неудобный", "сложно", "интерфейс", "приложение", "сайт", "понятно", "непонятно"],
    speed: ["медленно", "долго", "быстро", "ждать", "ожидание"],
    communication: ["связь", "письмо", "звонок", "ответ", "уведомление", "информирование"],
  },
};
