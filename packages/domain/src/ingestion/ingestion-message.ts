import type { Money } from "@tenure/shared";
import type { CustomerFields } from "../customers/customer.ts";

/**
 * Customer fields an identify call may set; null leaves the stored value
 * alone, attributes merge key by key.
 */
export type PersonFields = Pick<CustomerFields, "name" | "email" | "phone" | "country" | "timeZone" | "locale" | "attributes"> & {
  /** When the person became a customer (traits.createdAt), if given. */
  firstSeenAt: Date | null;
};

/** Customer fields a group call may set on an organisation; null leaves the stored value alone. */
export type OrganizationFields = Pick<CustomerFields, "name" | "email" | "phone" | "country" | "industry" | "sizeBand" | "accountType" | "attributes">;

export interface OrderLineDraft {
  lineNo: number;
  /** products[].product_id, else products[].sku: the product's external id. */
  productExternalId: string | null;
  sku: string | null;
  description: string | null;
  category: string | null;
  quantity: Money;
  unitPrice: Money;
  amount: Money;
}

/**
 * An order from an `Order Completed` event, or a return (status `returned`,
 * negative lines and total) from an `Order Refunded` event.
 */
export interface OrderDraft {
  externalId: string;
  userExternalId: string | null;
  orderedAt: Date;
  /** null: the workspace's default currency. */
  currency: string | null;
  status: "completed" | "returned";
  /** null only for a full refund named by order id alone: the original's lines are negated. */
  total: Money | null;
  lines: OrderLineDraft[];
  /** For a refund: the external id of the order it refunds. */
  refundOf: string | null;
  attributes: Record<string, unknown>;
  messageId: string;
}

/** A timeline entry (events table) from track, page or screen. */
export interface EventDraft {
  messageId: string;
  userExternalId: string | null;
  type: string;
  occurredAt: Date;
  summary: string | null;
  properties: Record<string, unknown>;
}

interface MessageBase {
  /** Where the message sits in the request, for error fields: "" or "batch[3]." */
  path: string;
  messageId: string;
  occurredAt: Date;
  userId: string | null;
  anonymousId: string | null;
}

/** A validated, normalised Segment message, ready to be planned and written. */
export type IngestionMessage =
  | (MessageBase & { type: "identify"; person: PersonFields })
  | (MessageBase & { type: "group"; groupId: string; organization: OrganizationFields })
  | (MessageBase & { type: "track" | "page" | "screen"; event: EventDraft; order: OrderDraft | null });
