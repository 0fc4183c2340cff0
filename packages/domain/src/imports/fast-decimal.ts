import { formatMoneyUnits, multiplyMoney, parseMoneyUnits } from "@tenure/shared";

// The shared money helpers work on BigInt, which is exact but allocates on
// every call; an import parses two or three numbers per line. For the common
// case (at most 11 integer digits, at most 4 decimals) scaled units fit in a
// double exactly, so these helpers compute the same canonical strings with
// plain numbers and fall back to the shared helpers otherwise.
const simple = /^(-?)(\d{1,11})(?:\.(\d{1,4}))?$/;
const scale = [1, 1000, 100, 10, 1];
const exactLimit = 2 ** 50; // products of units stay exact and divide safely below this

/** Scaled units (×10⁴) of a plain decimal, or null when the text is not in the simple form. */
export function decimalUnits(text: string): number | null {
  const m = simple.exec(text);
  if (m === null) return null;
  const frac = m[3] ?? "";
  const units = Number(m[2]) * 10_000 + (frac === "" ? 0 : Number(frac) * (scale[frac.length] ?? 1));
  return m[1] === "-" ? -units : units;
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

/** Canonical decimal text of `text` (as parseMoneyUnits + formatMoneyUnits would give), or null. */
export function canonicalDecimal(text: string): string | null {
  const units = decimalUnits(text);
  if (units !== null) return formatDecimalUnits(units);
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
