import type { Purpose } from "@tenure/shared";

/** Every purpose a request may declare (X-Purpose). */
export const allPurposes: readonly Purpose[] = ["service", "sales", "marketing", "analytics", "billing"];

/** True when `value` names a purpose. */
export function isPurpose(value: unknown): value is Purpose {
  return typeof value === "string" && (allPurposes as readonly string[]).includes(value);
}

/**
 * The purposes a workspace accepts: `settings.purposes` when it lists some
 * (unknown names are ignored), every purpose otherwise.
 */
export function workspacePurposes(settings: Record<string, unknown>): readonly Purpose[] {
  const listed = settings["purposes"];
  if (!Array.isArray(listed)) return allPurposes;
  const valid = listed.filter(isPurpose);
  return valid.length > 0 ? valid : allPurposes;
}
