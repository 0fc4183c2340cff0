import { isCountryCode, isEmailAddress, isLocaleTag, isTimeZone } from "@tenure/shared";

/** A non-empty trimmed string from a string or a finite number; null otherwise. */
export function textOf(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** The object under `key`, or null when it is missing or not a plain object. */
export function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

type ColumnCheck = (value: string) => boolean;

const checks: Record<"email" | "country" | "timeZone" | "locale", ColumnCheck> = {
  email: isEmailAddress,
  country: isCountryCode,
  timeZone: isTimeZone,
  locale: isLocaleTag,
};

/**
 * Traits that are mapped to columns but whose value does not fit the column
 * (an e-mail without a domain, "United States" as a country) are not refused:
 * the column stays untouched and the value is kept in attributes under its
 * trait name, so nothing a pipeline sends is lost.
 */
export class TraitMapper {
  readonly attributes: Record<string, unknown>;

  constructor(traits: Record<string, unknown>, mapped: readonly string[]) {
    this.attributes = {};
    for (const [key, value] of Object.entries(traits)) {
      if (!mapped.includes(key)) this.attributes[key] = value;
    }
  }

  /** The trait as column text, or null (and kept in attributes) when it does not fit. */
  column(traitName: string, value: unknown, check?: keyof typeof checks): string | null {
    if (value === undefined || value === null) return null;
    let text = textOf(value);
    if (text !== null && check === "country") text = text.toUpperCase();
    if (text !== null && (!check || checks[check](text))) return text;
    this.attributes[traitName] = value;
    return null;
  }
}
