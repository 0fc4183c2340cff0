import { defaultRecoveryLetterTemplates, namelessAddress, type RecoveryLetterTemplate, type RecoveryLocale } from "./recovery-letter-templates.ts";

/** The customer's specifics that a recovery letter is filled with. */
export interface RecoveryLetterFacts {
  customerName: string;
  caseSubject: string;
  caseOpenedAt: Date;
  whatWentWrong: string;
  rootCause: string;
  correctiveAction: string;
  /** A goodwill gesture ("a 20% discount on your next order"); null → no goodwill paragraph. */
  goodwill: string | null;
  company: string;
  /** IANA zone in which dates are written (the workspace's). */
  timeZone: string;
}

/** A letter's text; the signature block is not part of it. */
export interface RecoveryLetterText {
  subject: string;
  body: string;
}

const dateLocales: Record<RecoveryLocale, string> = { en: "en-GB", ja: "ja-JP", zh: "zh-CN", ru: "ru-RU" };

/** A date as a letter writes it in that language ("1 November 2026", "2026年11月1日", "1 ноября 2026 г."). */
export function formatLetterDate(locale: RecoveryLocale, date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: "long", timeZone }).format(date);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The body with its greeting line (the first line naming the customer) replaced by `salutation`. */
function greetNameless(body: string, salutation: string): string {
  const lines = body.split("\n");
  const greeting = lines.findIndex((line) => line.includes("{customer_name}"));
  return greeting === -1 ? body : lines.map((line, i) => (i === greeting ? salutation : line)).join("\n");
}

/**
 * Draft a recovery letter: the template of `locale` (the workspace's own, or
 * the default) filled with the facts. An empty goodwill paragraph leaves no
 * gap; free-text facts are trimmed and inserted as written. Without a
 * customer name the greeting is the language's name-less one (namelessAddress),
 * never "Dear ,".
 */
export function fillRecoveryLetter(locale: RecoveryLocale, facts: RecoveryLetterFacts, template: RecoveryLetterTemplate = defaultRecoveryLetterTemplates[locale]): RecoveryLetterText {
  const goodwill = facts.goodwill?.trim() ?? "";
  const customerName = facts.customerName.trim();
  const values: Record<string, string> = {
    customer_name: customerName === "" ? namelessAddress[locale].addressee : customerName,
    case_subject: facts.caseSubject.trim(),
    case_opened_on: formatLetterDate(locale, facts.caseOpenedAt, facts.timeZone),
    what_went_wrong: facts.whatWentWrong.trim(),
    root_cause: facts.rootCause.trim(),
    corrective_action: facts.correctiveAction.trim(),
    company: facts.company.trim(),
    goodwill_paragraph: goodwill === "" ? "" : fill(template.goodwill, { goodwill }),
  };
  const body = fill(customerName === "" ? greetNameless(template.body, namelessAddress[locale].salutation) : template.body, values)
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { subject: fill(template.subject, values).trim(), body };
}

/** Placeholders in a template that fillRecoveryLetter does not know (a typo in a workspace's template). */
export function unknownPlaceholders(template: RecoveryLetterTemplate, known: readonly string[]): string[] {
  const found = [template.subject, template.body].flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ""));
  const goodwill = [...template.goodwill.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").filter((n) => n !== "goodwill");
  return [...new Set([...found, ...goodwill])].filter((n) => !known.includes(n));
}
