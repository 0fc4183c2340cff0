/** A country the demo's customers live in, with what follows from it. */
export interface DemoCountry {
  code: string;
  locale: string;
  /** Time zones of the country, each with a weight (population share). */
  timeZones: readonly (readonly [string, number])[];
  phonePrefix: string;
  /** Share of B2C buyers and of B2B accounts from this country. */
  b2cWeight: number;
  b2bWeight: number;
  /** Legal suffix of company names. */
  companySuffixes: readonly string[];
}

export const demoCountries: readonly DemoCountry[] = [
  { code: "US", locale: "en", timeZones: [["America/New_York", 4], ["America/Chicago", 3], ["America/Denver", 1], ["America/Los_Angeles", 3]], phonePrefix: "+1", b2cWeight: 26, b2bWeight: 30, companySuffixes: ["Inc.", "LLC", "Corp."] },
  { code: "GB", locale: "en", timeZones: [["Europe/London", 1]], phonePrefix: "+44", b2cWeight: 9, b2bWeight: 10, companySuffixes: ["Ltd", "plc"] },
  { code: "CA", locale: "en", timeZones: [["America/Toronto", 3], ["America/Vancouver", 1]], phonePrefix: "+1", b2cWeight: 5, b2bWeight: 5, companySuffixes: ["Inc.", "Ltd."] },
  { code: "AU", locale: "en", timeZones: [["Australia/Sydney", 3], ["Australia/Perth", 1]], phonePrefix: "+61", b2cWeight: 4, b2bWeight: 4, companySuffixes: ["Pty Ltd"] },
  { code: "DE", locale: "de", timeZones: [["Europe/Berlin", 1]], phonePrefix: "+49", b2cWeight: 8, b2bWeight: 10, companySuffixes: ["GmbH", "AG"] },
  { code: "FR", locale: "fr", timeZones: [["Europe/Paris", 1]], phonePrefix: "+33", b2cWeight: 6, b2bWeight: 6, companySuffixes: ["SAS", "SARL"] },
  { code: "ES", locale: "es", timeZones: [["Europe/Madrid", 1]], phonePrefix: "+34", b2cWeight: 4, b2bWeight: 4, companySuffixes: ["S.L.", "S.A."] },
  { code: "BR", locale: "pt", timeZones: [["America/Sao_Paulo", 1]], phonePrefix: "+55", b2cWeight: 5, b2bWeight: 4, companySuffixes: ["Ltda."] },
  { code: "JP", locale: "ja", timeZones: [["Asia/Tokyo", 1]], phonePrefix: "+81", b2cWeight: 12, b2bWeight: 11, companySuffixes: ["K.K."] },
  { code: "CN", locale: "zh", timeZones: [["Asia/Shanghai", 1]], phonePrefix: "+86", b2cWeight: 11, b2bWeight: 9, companySuffixes: ["Co., Ltd."] },
  { code: "RU", locale: "ru", timeZones: [["Europe/Moscow", 5], ["Asia/Yekaterinburg", 1], ["Asia/Novosibirsk", 1]], phonePrefix: "+7", b2cWeight: 8, b2bWeight: 6, companySuffixes: ["LLC", "JSC"] },
  { code: "IN", locale: "en", timeZones: [["Asia/Kolkata", 1]], phonePrefix: "+91", b2cWeight: 2, b2bWeight: 1, companySuffixes: ["Pvt. Ltd."] },
];
