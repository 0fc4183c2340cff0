import { isPersonalKey } from "./personal-data.ts";

/**
 * Properties (attributes, event properties) with every personal key removed,
 * and every string that contains one of `erasedValues` (the erased name,
 * e-mail, phone; compared case-insensitively) removed too, nested objects and
 * arrays included. What remains says what happened, not to whom.
 */
export function pseudonymiseProperties(properties: Record<string, unknown>, erasedValues: readonly string[]): Record<string, unknown> {
  const needles = erasedValues.map((v) => v.trim().toLowerCase()).filter((v) => v.length >= 3);
  const clean = (value: unknown): { keep: boolean; value: unknown } => {
    if (typeof value === "string") return { keep: !needles.some((n) => value.toLowerCase().includes(n)), value };
    if (Array.isArray(value)) return { keep: true, value: value.map(clean).filter((c) => c.keep).map((c) => c.value) };
    if (typeof value === "object" && value !== null) return { keep: true, value: cleanObject(value as Record<string, unknown>) };
    return { keep: true, value };
  };
  const cleanObject = (object: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(object)) {
      if (isPersonalKey(key)) continue;
      const cleaned = clean(value);
      if (cleaned.keep) out[key] = cleaned.value;
    }
    return out;
  };
  return cleanObject(properties);
}

/** `text` unless it contains one of `erasedValues`, else a neutral replacement. */
export function pseudonymiseText(text: string | null, erasedValues: readonly string[], replacement: string): string | null {
  if (text === null) return null;
  const lower = text.toLowerCase();
  return erasedValues.some((v) => v.trim().length >= 3 && lower.includes(v.trim().toLowerCase())) ? replacement : text;
}
