import { invalidInput } from "@tenure/shared";

/**
 * The customer version in an `If-Match` header ("3", "\"3\"" or W/"3");
 * null when absent. Throws invalid_input naming If-Match otherwise.
 */
export function versionFromIfMatch(header: string | string[] | undefined): number | null {
  if (header === undefined || header === "") return null;
  const value = Array.isArray(header) ? header[0] ?? "" : header;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!m?.[1]) throw invalidInput("If-Match", "If-Match must be the customer's version number, e.g. If-Match: 3");
  return Number(m[1]);
}
