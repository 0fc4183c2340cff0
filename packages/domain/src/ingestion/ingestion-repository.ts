import type { CustomerKind } from "../customers/customer.ts";
import type { IngestionPlan } from "./ingestion-plan.ts";

export interface IngestedCounts {
  /** Customers the written messages named (people and organisations; created, updated or unchanged). */
  customers: number;
  events: number;
  orders: number;
}

/**
 * The result of writing a plan: done, or refused because an external id
 * names a customer of the other kind (a groupId equal to a person's userId).
 */
export type IngestionOutcome =
  | { kind: "applied"; counts: IngestedCounts }
  | { kind: "kind_conflict"; field: string; externalId: string; existingKind: CustomerKind };

/**
 * Writes of Segment-style ingestion. Each method writes a whole batch in a
 * few multi-row statements; call both inside one transaction.
 */
export interface IngestionRepository {
  /**
   * Record the message ids in the idempotency ledger (ingested_messages);
   * returns the ids that were new. Ids already recorded (a retry) are not
   * returned. Timeline messages need not be claimed: events are unique by
   * message id and applyPlan skips one already stored.
   */
  claimMessages(workspaceId: string, messages: readonly { messageId: string; type: string }[]): Promise<Set<string>>;
  /** Upsert customers and products, insert events, orders and their lines. */
  applyPlan(workspaceId: string, plan: IngestionPlan): Promise<IngestionOutcome>;
}
