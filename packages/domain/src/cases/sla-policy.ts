/** The clocks an SLA policy can run. */
export const slaMetrics = ["first_response", "next_response", "resolution"] as const;
export type SlaMetric = (typeof slaMetrics)[number];

export const slaPriorities = ["low", "normal", "high", "urgent"] as const;
export type SlaPriority = (typeof slaPriorities)[number];

/**
 * Which customers a policy is for. Every condition given must hold; an empty
 * segment (or null) matches every customer.
 * - `customerKind`: person or organization (customers.kind)
 * - `sizeBands`: one of these customers.size_band values (e.g. "1-10", "1000+")
 * - `attribute`: customers.attributes[key] equals value, as text (e.g. plan = "enterprise")
 */
export interface SlaSegment {
  customerKind?: "person" | "organization";
  sizeBands?: string[];
  attribute?: { key: string; value: string };
}

/**
 * Targets in business minutes of the case's calendar for a priority and
 * segment; a null target means that clock does not run under this policy.
 */
export interface SlaPolicy {
  workspaceId: string;
  id: string;
  name: string;
  /** null: any priority. */
  priority: SlaPriority | null;
  segment: SlaSegment | null;
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** A warning is raised when this share of a target has elapsed (1–99). */
  warnAtPercent: number;
  /** Clocks pause while the case is on hold too (they always pause while pending the customer). */
  pauseOnHold: boolean;
  /** Tie-break between equally specific policies: lower first. */
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What policy selection needs to know of a case and its customer. */
export interface SlaSubject {
  priority: SlaPriority;
  customerKind: string | null;
  sizeBand: string | null;
  /** The customer's attribute values, as text, for the keys policies name. */
  attributes: Readonly<Record<string, string | null>>;
}

/** Target minutes of `policy` for `metric`. */
export function slaTarget(policy: SlaPolicy, metric: SlaMetric): number | null {
  if (metric === "first_response") return policy.firstResponseMinutes;
  if (metric === "next_response") return policy.nextResponseMinutes;
  return policy.resolutionMinutes;
}

function segmentMatches(segment: SlaSegment | null, subject: SlaSubject): boolean {
  if (!segment) return true;
  if (segment.customerKind && segment.customerKind !== subject.customerKind) return false;
  if (segment.sizeBands && segment.sizeBands.length > 0 && !segment.sizeBands.includes(subject.sizeBand ?? "")) return false;
  if (segment.attribute && subject.attributes[segment.attribute.key] !== segment.attribute.value) return false;
  return true;
}

function isEmptySegment(segment: SlaSegment | null): boolean {
  return !segment || (!segment.customerKind && !(segment.sizeBands && segment.sizeBands.length > 0) && !segment.attribute);
}

/**
 * The policy that governs a case: of the policies matching its priority and
 * customer, the most specific — one naming a segment beats one naming only a
 * priority, which beats a catch-all; ties go to the lower position, then the
 * lower id. Null when none matches (the case has no SLA).
 */
export function selectSlaPolicy(policies: readonly SlaPolicy[], subject: SlaSubject): SlaPolicy | null {
  let best: { policy: SlaPolicy; score: number } | null = null;
  for (const policy of policies) {
    if (policy.priority !== null && policy.priority !== subject.priority) continue;
    if (!segmentMatches(policy.segment, subject)) continue;
    const score = (isEmptySegment(policy.segment) ? 0 : 2) + (policy.priority === null ? 0 : 1);
    if (!best || score > best.score || (score === best.score && (policy.position < best.policy.position || (policy.position === best.policy.position && policy.id < best.policy.id)))) best = { policy, score };
  }
  return best?.policy ?? null;
}

/** Attribute keys the policies' segments name (what the bulk recompute must read of customers). */
export function slaAttributeKeys(policies: readonly SlaPolicy[]): string[] {
  return [...new Set(policies.flatMap((p) => (p.segment?.attribute ? [p.segment.attribute.key] : [])))].sort();
}

/** A policy as a caller writes it. */
export type SlaPolicyInput = Pick<SlaPolicy, "name" | "priority" | "segment" | "firstResponseMinutes" | "nextResponseMinutes" | "resolutionMinutes" | "warnAtPercent" | "pauseOnHold" | "position">;

/** Field errors of a policy (empty: valid): a name, whole positive targets (at least one), a warning share of 1–99 %. */
export function validateSlaPolicy(input: SlaPolicyInput): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (input.name.trim() === "") errors.push({ field: "name", message: "A policy needs a name." });
  const targets = { first_response_minutes: input.firstResponseMinutes, next_response_minutes: input.nextResponseMinutes, resolution_minutes: input.resolutionMinutes };
  for (const [field, value] of Object.entries(targets)) {
    if (value !== null && (!Number.isInteger(value) || value <= 0 || value > 525_600)) errors.push({ field, message: "A target is a whole number of business minutes between 1 and 525600." });
  }
  if (Object.values(targets).every((v) => v === null)) errors.push({ field: "first_response_minutes", message: "Give at least one target." });
  if (!Number.isInteger(input.warnAtPercent) || input.warnAtPercent < 1 || input.warnAtPercent > 99) errors.push({ field: "warn_at_percent", message: "The warning share is a whole percentage between 1 and 99." });
  if (input.segment?.attribute && input.segment.attribute.key.trim() === "") errors.push({ field: "segment.attribute.key", message: "An attribute condition needs a key." });
  return errors;
}
