import { randomUUID } from "node:crypto";
import {
  assertMessageSizeOrThrow,
  normalizeSegmentMessageOrThrow,
  planIngestion,
  type IngestedCounts,
  consentFromTraits,
  type ExternalConsentRecord,
  type IngestionMessage,
  type Repositories,
  type SegmentMessageInput,
} from "@tenure/domain";
import { AppError, type RequestContext, newId } from "@tenure/shared";
import { authorize } from "../security/authorize.ts";

export interface IngestSegmentMessagesInput {
  messages: readonly SegmentMessageInput[];
  /** True for /v1/batch: error fields then read `batch[3].userId`. */
  batch: boolean;
  /** A batch's top-level context, applied under each message's own context. */
  context?: Record<string, unknown> | null | undefined;
  /** A batch's top-level sentAt, for messages that carry none. */
  sentAt?: string | null | undefined;
  receivedAt?: Date;
}

export interface IngestSegmentMessagesResult {
  /** Messages in the request. */
  received: number;
  /** Messages already ingested before (same messageId), acknowledged and skipped. */
  duplicates: number;
  counts: IngestedCounts;
}

/**
 * Ingest Segment messages (identify, group, track, page, screen) into the
 * caller's workspace: all of them or none. Every message is checked first (a
 * bad one refuses the whole request, naming `batch[i].field`); then, in one
 * transaction, it is written as a few multi-row statements. A message whose
 * messageId was ingested before creates nothing new.
 */
export async function ingestSegmentMessages(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "transaction"> },
  input: IngestSegmentMessagesInput,
): Promise<IngestSegmentMessagesResult> {
  authorize(ctx, "ingestion.write");
  const receivedAt = input.receivedAt ?? new Date();
  const normalized = input.messages.map((raw, i) => {
    const where = input.batch ? `batch[${i}]` : "";
    assertMessageSizeOrThrow(raw, where);
    const message = { ...raw, context: { ...input.context, ...raw.context }, sentAt: raw.sentAt ?? input.sentAt };
    return normalizeSegmentMessageOrThrow(message, { path: where ? `${where}.` : "", receivedAt, fallbackMessageId: randomUUID() });
  });
  // A messageId repeated inside one request counts once (the first wins).
  const unique = new Map<string, IngestionMessage>();
  for (const message of normalized) if (!unique.has(message.messageId)) unique.set(message.messageId, message);

  const messages = [...unique.values()];
  const ledgered = messages.filter((m) => m.type === "identify" || m.type === "group");

  return deps.repositories.transaction(async (tx) => {
    // identify and group change customers, so a replay of an old one must not
    // undo a newer one: they go through the ledger. Timeline messages are
    // deduplicated by the events table's own unique message_id (and orders by
    // order id), which spares a write per event.
    const fresh = await tx.ingestion.claimMessages(ctx.workspaceId, ledgered.map((m) => ({ messageId: m.messageId, type: m.type })));
    const plan = planIngestion(messages.filter((m) => (m.type !== "identify" && m.type !== "group") || fresh.has(m.messageId)));
    const outcome = await tx.ingestion.applyPlan(ctx.workspaceId, plan);
    if (outcome.kind === "kind_conflict") {
      throw new AppError(
        "customer_kind_conflict",
        "conflict",
        `${outcome.field} "${outcome.externalId}" is already the external id of ${outcome.existingKind === "person" ? "a person" : "an organisation"}; userId and groupId values must not overlap`,
        { field: outcome.field },
      );
    }
    // traits.consent = { marketing: false } records consent decisions (docs/security.md).
    await tx.consents.addByExternalId(consentRecordsOf(ctx, messages.filter((m) => m.type === "identify" && fresh.has(m.messageId))));
    const stored = fresh.size + outcome.counts.events;
    return { received: input.messages.length, duplicates: input.messages.length - stored, counts: outcome.counts };
  });
}

/** Consent decisions in identify calls' traits, naming the person by userId. */
function consentRecordsOf(ctx: RequestContext, messages: readonly IngestionMessage[]): ExternalConsentRecord[] {
  return messages.flatMap((m) =>
    m.type === "identify" && m.userId !== null
      ? consentFromTraits(m.person.attributes).map((c) => ({
          id: newId("consent"),
          workspaceId: ctx.workspaceId,
          externalId: m.userId ?? "",
          purpose: c.purpose,
          status: c.status,
          recordedAt: m.occurredAt,
          source: "segment",
          actorId: ctx.actorId,
        }))
      : [],
  );
}
