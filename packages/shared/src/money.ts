import { invalidInput } from "./app-error.ts";

/**
 * Money is a decimal string with at most 4 fraction digits (stored as
 * `numeric(18,4)`), never a float. These helpers parse and add without
 * floating-point rounding by working on scaled bigints.
 */
export type Money = string;

const SCALE = 4;
const FACTOR = 10n ** BigInt(SCALE);
const pattern = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parse "12.5", "-0.85", "1,234.50" (thousands commas allowed) into scaled units; null if not a number. */
export function parseMoneyUnits(text: string): bigint | null {
  const trimmed = text.trim().replace(/,(?=\d{3}(\D|$))/g, "");
  const m = pattern.exec(trimmed);
  if (!m) return null;
  const [, sign, whole, frac = ""] = m;
  if (frac.length > SCALE && /[1-9]/.test(frac.slice(SCALE))) return null;
  const units = BigInt(whole ?? "0") * FACTOR + BigInt((frac + "0000").slice(0, SCALE));
  return sign === "-" ? -units : units;
}

/** Format scaled units as a canonical decimal string ("12.5000" → "12.5"). */
export function formatMoneyUnits(units: bigint): Money {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / FACTOR;
  const frac = (abs % FACTOR).toString().padStart(SCALE, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${frac ? "." + frac : ""}`;
}

/** Parse a money value or throw an invalid-input error naming `field`. */
export function parseMoneyOrThrow(field: string, value: string | number): Money {
  const units = parseMoneyUnits(String(value));
  if (units === null) throw invalidInput(field, `${field} must be a decimal amount with at most ${SCALE} decimals, got "${value}"`);
  return formatMoneyUnits(units);
}

/** Exact sum of decimal strings. */
export function sumMoney(values: readonly Money[]): Money {
  let total = 0n;
  for (const v of values) total += parseMoneyUnits(v) ?? 0n;
  return formatMoneyUnits(total);
}

/** Exact product of a decimal quantity and a decimal price, rounded half away from zero to 4 decimals. */
export function multiplyMoney(quantity: Money, price: Money): Money {
  const q = parseMoneyUnits(quantity) ?? 0n;
  const p = parseMoneyUnits(price) ?? 0n;
  const raw = q * p; // scale 8
  const half = FACTOR / 2n;
  const rounded = raw >= 0n ? (raw + half) / FACTOR : -((-raw + half) / FACTOR);
  return formatMoneyUnits(rounded);
}

/** ISO 4217 code check (three capital letters). */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}
