import type { Money } from "@tenure/shared";
import type { EventDraft, OrderDraft, OrganizationFields, PersonFields } from "./ingestion-message.ts";

/** One person customer to insert or update, merged from every message of a batch naming it. */
export interface PersonUpsert {
  externalId: string;
  fields: PersonFields;
  /** The earliest time the batch saw the person (or traits.createdAt, if earlier). */
  firstSeenAt: Date;
  /** groupId of the last group call naming this user: the organisation the person belongs to. */
  parentExternalId: string | null;
  /** The request field that first named the person, for errors (`batch[3].userId`). */
  field: string;
}

/** One organisation customer to insert or update, merged from every group call of a batch naming it. */
export interface OrganizationUpsert {
  externalId: string;
  fields: OrganizationFields;
  firstSeenAt: Date;
  field: string;
}

/** A product named by an order line, created if its external id is new. */
export interface ProductUpsert {
  externalId: string;
  name: string;
  category: string | null;
  price: Money;
  currency: string | null;
}

/**
 * Everything one batch writes, already merged so that each customer, product
 * and order appears once (a multi-row upsert may touch a row only once).
 */
export interface IngestionPlan {
  organizations: OrganizationUpsert[];
  people: PersonUpsert[];
  events: EventDraft[];
  products: ProductUpsert[];
  orders: OrderDraft[];
}
