import type { Purpose } from "@tenure/shared";
import { isPurpose } from "./purposes.ts";

export type ConsentStatus = "granted" | "withdrawn";

/** One consent decision of a customer for a purpose; the latest per purpose is in force. */
export interface ConsentRecord {
  id: string;
  customerId: string;
  purpose: Purpose;
  status: ConsentStatus;
  recordedAt: Date;
  /** Where the decision came from: api, segment, import, … */
  source: string;
  /** Who recorded it (usr_…, tok_…). */
  actorId: string;
}

export interface NewConsentRecord extends ConsentRecord {
  workspaceId: string;
}

/** A consent decision naming the customer by external id (Segment userId). */
export interface ExternalConsentRecord extends Omit<NewConsentRecord, "customerId"> {
  externalId: string;
}

/** Consent records, append-only. */
export interface ConsentRepository {
  /** Every record of the customer, newest first (the history). */
  list(workspaceId: string, customerId: string): Promise<ConsentRecord[]>;
  /** customer id → the purposes whose latest record is `withdrawn`. */
  withdrawnPurposes(workspaceId: string, customerIds: readonly string[]): Promise<Map<string, Set<Purpose>>>;
  add(records: readonly NewConsentRecord[]): Promise<void>;
  /** The workspace's settings object (its `purposes` list configures the accepted purposes). */
  workspaceSettings(workspaceId: string): Promise<Record<string, unknown>>;
  /** Add records naming customers by external id; ids that name no customer are skipped. Returns how many were added. */
  addByExternalId(records: readonly ExternalConsentRecord[]): Promise<number>;
}

/**
 * Consent decisions in Segment identify traits: `traits.consent` as an
 * object of purpose → boolean (`{ marketing: false }`). Unknown purposes and
 * non-boolean values are ignored.
 */
export function consentFromTraits(traits: Record<string, unknown>): { purpose: Purpose; status: ConsentStatus }[] {
  const consent = traits["consent"];
  if (typeof consent !== "object" || consent === null || Array.isArray(consent)) return [];
  const out: { purpose: Purpose; status: ConsentStatus }[] = [];
  for (const [purpose, value] of Object.entries(consent as Record<string, unknown>)) {
    if (isPurpose(purpose) && typeof value === "boolean") out.push({ purpose, status: value ? "granted" : "withdrawn" });
  }
  return out;
}
