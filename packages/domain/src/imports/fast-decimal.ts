import { formatMoneyUnits, multiplyMoney, parseMoneyUnits } from "@tenure/shared";

// The shared money helpers work on BigInt, which is exact but allocates on
// every call; an import parses two or three numbers per line. For the common
// case (at most 11 integer digits, at most 4 decimals) scaled units fit in a
// double exactly, so these helpers compute the same canonical strings with
// plain numbers and fall back to the shared helpers otherwise.
const scale = [1, 1000, 100, 10, 1];
const exactLimit = 2 ** 50; // products of units stay exact and divide safely below this

/**
 * Scaled units (×10⁴) of a plain decimal (an optional minus, 1 to 11 digits,
 * optionally a point and 1 to 4 digits), or null when the text is not in that
 * simple form. A character loop: a regular expression here allocated its
 * match on each of the several calls per imported line.
 */
export function decimalUnits(text: string): number | null {
  const length = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // "-"
  let whole = 0;
  const wholeStart = i;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits > 11) return null;
  let frac = 0;
  let fracDigits = 0;
  if (i < length) {
    if (text.charCodeAt(i) !== 46) return null; // "."
    for (i++; i < length; i++, fracDigits++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9 || fracDigits === 4) return null;
      frac = frac * 10 + digit;
    }
    if (fracDigits === 0) return null;
  }
  const units = whole * 10_000 + frac * (scale[fracDigits] ?? 1);
  return wholeStart === 1 ? -units : units;
}

/** Canonical text of scaled units, as formatMoneyUnits writes it ("12.5", "-0.85", "0"). */
export function formatDecimalUnits(units: number): string {
  if (!Number.isSafeInteger(units)) return formatMoneyUnits(BigInt(units));
  const negative = units < 0;
  const abs = negative ? -units : units;
  const whole = Math.floor(abs / 10_000);
  const rest = abs - whole * 10_000;
  const frac = rest === 0 ? "" : `.${String(rest).padStart(4, "0").replace(/0+$/, "")}`;
  return `${negative ? "-" : ""}${whole}${frac}`;
}

/** formatDecimalUnits(units) for `text` read as `units`: the text itself when it is already canonical (no copy). */
export function canonicalDecimalText(text: string, units: number): string {
  if (units === 0) return text === "0" ? text : "0";
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  const leadingZero = text.charCodeAt(start) === 48 && text.charCodeAt(start + 1) !== 46;
  const trailingZero = text.charCodeAt(text.length - 1) === 48 && text.includes(".");
  return leadingZero || trailingZero ? formatDecimalUnits(units) : text;
}

/** Canonical decimal text of `text` (as parseMoneyUnits + formatMoneyUnits would give), or null. */
export function canonicalDecimal(text: string): string | null {
  const units = decimalUnits(text);
  if (units !== null) return canonicalDecimalText(text, units);
  const big = parseMoneyUnits(text);
  return big === null ? null : formatMoneyUnits(big);
}

/** quantity × price rounded half away from zero to 4 decimals, like multiplyMoney. */
export function multiplyDecimal(quantity: string, price: string): string {
  const q = decimalUnits(quantity);
  const p = decimalUnits(price);
  if (q !== null && p !== null) {
    const raw = q * p; // scale 8
    if (Math.abs(raw) < exactLimit) {
      const abs = Math.abs(raw);
      const whole = Math.floor(abs / 10_000);
      const rounded = abs - whole * 10_000 >= 5_000 ? whole + 1 : whole;
      return formatDecimalUnits(raw < 0 ? -rounded : rounded);
    }
  }
  return multiplyMoney(quantity, price);
}
