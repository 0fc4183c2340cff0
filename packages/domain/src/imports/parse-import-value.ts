import { formatMoneyUnits, isCurrencyCode, isEmailAddress, isLocaleTag, isTimeZone, parseMoneyUnits } from "@tenure/shared";
import { countryCodeOf } from "./country-codes.ts";
import { canonicalDecimalText, decimalUnits } from "./fast-decimal.ts";
import type { ImportField } from "./import-field.ts";
import { parseImportTimestamp } from "./parse-import-timestamp.ts";

/** A parsed value in its canonical text form, or why the text was refused. */
export type ParsedValue = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

// numeric(18,4): at most 14 digits before the point.
const maxUnits = 10n ** 18n;
const trueWords = new Set(["true", "t", "yes", "y", "1"]);
const falseWords = new Set(["false", "f", "no", "n", "0"]);

const ok = (value: string): ParsedValue => ({ ok: true, value });
const refuse = (reason: string): ParsedValue => ({ ok: false, reason });

/** Parse a decimal with a dot (at most 4 decimals, 14 integer digits) into canonical form. */
export function parseImportDecimal(text: string): ParsedValue {
  const fast = decimalUnits(text);
  if (fast !== null) return ok(canonicalDecimalText(text, fast));
  const units = parseMoneyUnits(text);
  if (units === null) return refuse("not a number (use a dot for decimals, at most 4 decimals)");
  if (units >= maxUnits || units <= -maxUnits) return refuse("number too large (at most 14 digits before the point)");
  return ok(formatMoneyUnits(units));
}

/**
 * Read one non-empty cell as `field` demands: the canonical text stored in
 * the database (ISO UTC timestamps, decimal strings, upper-case codes).
 */
export function parseImportValue(field: ImportField, text: string, timeZone: string): ParsedValue {
  if (text.includes("\u0000")) return refuse("contains a NUL character");
  switch (field.type) {
    case "text":
    case "reference":
      return ok(text);
    case "json":
      return refuse("is filled from <name>.<key> columns");
    case "timestamp": {
      const value = parseImportTimestamp(text, timeZone);
      return value === null ? refuse("not a date (use ISO 8601, YYYY-MM-DD or M/D/YYYY H:MM)") : ok(value);
    }
    case "money":
    case "decimal":
      return parseImportDecimal(text);
    case "integer":
      return /^\+?\d{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= 2_147_483_647 ? ok(String(Number(text))) : refuse("not a whole number ≥ 1");
    case "boolean": {
      const word = text.toLowerCase();
      if (trueWords.has(word)) return ok("true");
      if (falseWords.has(word)) return ok("false");
      return refuse("not a yes/no value (true/false, yes/no, 1/0)");
    }
    case "country": {
      const code = countryCodeOf(text);
      return code === null ? refuse("not an ISO 3166-1 alpha-2 country code or a known country name") : ok(code);
    }
    case "currency": {
      const code = text.toUpperCase();
      return isCurrencyCode(code) ? ok(code) : refuse("not an ISO 4217 currency code such as EUR");
    }
    case "email":
      return isEmailAddress(text) ? ok(text) : refuse("not an e-mail address");
    case "locale":
      return isLocaleTag(text) ? ok(text) : refuse("not a language tag such as en or ja-JP");
    case "time_zone":
      return isTimeZone(text) ? ok(text) : refuse("not an IANA time zone such as Europe/London");
    case "choice": {
      const word = text.toLowerCase();
      return field.choices?.includes(word) ? ok(word) : refuse(`must be one of ${(field.choices ?? []).join(", ")}`);
    }
  }
}
