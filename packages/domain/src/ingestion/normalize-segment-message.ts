import { invalidInput } from "@tenure/shared";
import type { IngestionMessage } from "./ingestion-message.ts";
import { mapOrganizationTraits, mapPersonTraits } from "./map-traits.ts";
import { orderFromEventOrThrow } from "./order-from-event.ts";
import { parseTimestamp } from "./parse-timestamp.ts";
import type { SegmentMessageInput } from "./segment-input.ts";
import { textOf } from "./trait-values.ts";

export interface NormalizeOptions {
  /** Error-field prefix: "" for a single call, "batch[3]." inside a batch. */
  path: string;
  /** When the server received the request (the fallback time of a message). */
  receivedAt: Date;
  /** Used when the sender gave no messageId (such a message cannot be deduplicated). */
  fallbackMessageId: string;
}

/**
 * Check one Segment message and turn it into what Tenure stores. Throws an
 * invalid-input error naming the field (`batch[3].userId`) when the message
 * cannot be stored faithfully: no userId nor anonymousId, a timestamp that is
 * not ISO 8601, an order that is not exact. Traits never cause a refusal
 * (values that fit no column are kept in attributes).
 *
 * The time of a message is `timestamp`; else `originalTimestamp` corrected
 * for the sender's clock skew (receivedAt − (sentAt − originalTimestamp)) as
 * Segment does; else the time of receipt.
 */
export function normalizeSegmentMessageOrThrow(input: SegmentMessageInput, options: NormalizeOptions): IngestionMessage {
  const { path } = options;
  const userId = textOf(input.userId);
  const anonymousId = textOf(input.anonymousId);
  if (userId === null && anonymousId === null) {
    throw invalidInput(`${path}userId`, `${path}userId or ${path}anonymousId is required (a non-empty string)`);
  }
  const messageId = textOf(input.messageId) ?? options.fallbackMessageId;
  const base = { path, messageId, occurredAt: occurredAtOrThrow(input, options), userId, anonymousId };
  const context = input.context ?? {};
  switch (input.type) {
    case "identify":
      return { ...base, type: "identify", person: mapPersonTraits(input.traits ?? {}, context) };
    case "group": {
      const groupId = textOf(input.groupId);
      if (groupId === null) throw invalidInput(`${path}groupId`, `${path}groupId is required (a non-empty string)`);
      return { ...base, type: "group", groupId, organization: mapOrganizationTraits(input.traits ?? {}) };
    }
    case "track": {
      const name = textOf(input.event);
      if (name === null) throw invalidInput(`${path}event`, `${path}event is required (the event name)`);
      const properties = input.properties ?? {};
      const order = orderFromEventOrThrow({ ...base, event: name, properties });
      const event = { messageId, userExternalId: userId, type: name, occurredAt: base.occurredAt, summary: order ? `Order ${order.externalId}` : null, properties };
      return { ...base, type: "track", event, order };
    }
    case "page":
    case "screen": {
      const properties = input.properties ?? {};
      const event = { messageId, userExternalId: userId, type: input.type, occurredAt: base.occurredAt, summary: textOf(input.name), properties };
      return { ...base, type: input.type, event, order: null };
    }
  }
}

function occurredAtOrThrow(input: SegmentMessageInput, options: NormalizeOptions): Date {
  const timestamp = timestampOrThrow(`${options.path}timestamp`, input.timestamp);
  const original = timestampOrThrow(`${options.path}originalTimestamp`, input.originalTimestamp);
  const sentAt = timestampOrThrow(`${options.path}sentAt`, input.sentAt);
  if (timestamp) return timestamp;
  if (original && sentAt) return new Date(options.receivedAt.getTime() - (sentAt.getTime() - original.getTime()));
  return original ?? options.receivedAt;
}

function timestampOrThrow(field: string, value: string | null | undefined): Date | null {
  if (value === undefined || value === null) return null;
  const date = parseTimestamp(value);
  if (!date) throw invalidInput(field, `${field} must be an ISO 8601 date-time such as 2026-03-01T12:30:00Z, got ${JSON.stringify(value)}`);
  return date;
}
