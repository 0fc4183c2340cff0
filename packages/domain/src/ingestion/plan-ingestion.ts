import type { IngestionMessage, OrderDraft, PersonFields } from "./ingestion-message.ts";
import type { IngestionPlan, OrganizationUpsert, PersonUpsert, ProductUpsert } from "./ingestion-plan.ts";

const emptyPerson: PersonFields = { name: null, email: null, phone: null, country: null, timeZone: null, locale: null, firstSeenAt: null, attributes: {} };

/**
 * Merge the new (not yet ingested) messages of a batch, in order, into one
 * write plan. Later values win over earlier ones, a null never clears a
 * value, attributes merge key by key. Every userId a message names becomes a
 * person (with only its external id if no identify came), so no event or
 * order is ever left without its customer. The first order with a given
 * order id wins.
 */
export function planIngestion(messages: readonly IngestionMessage[]): IngestionPlan {
  const people = new Map<string, PersonUpsert>();
  const organizations = new Map<string, OrganizationUpsert>();
  const orders = new Map<string, OrderDraft>();
  const products = new Map<string, ProductUpsert>();
  const events = [];

  for (const message of messages) {
    const person = message.userId === null ? null : personOf(people, message.userId, message.occurredAt, `${message.path}userId`);
    if (message.type === "identify" && person) {
      person.fields = mergeFields(person.fields, message.person);
      if (message.person.firstSeenAt) person.firstSeenAt = earliest(person.firstSeenAt, message.person.firstSeenAt);
    } else if (message.type === "group") {
      const existing = organizations.get(message.groupId);
      if (existing) {
        existing.fields = mergeFields(existing.fields, message.organization);
        existing.firstSeenAt = earliest(existing.firstSeenAt, message.occurredAt);
      } else {
        organizations.set(message.groupId, { externalId: message.groupId, fields: message.organization, firstSeenAt: message.occurredAt, field: `${message.path}groupId` });
      }
      if (person) person.parentExternalId = message.groupId;
    } else if (message.type !== "identify") {
      events.push(message.event);
      const order = message.order;
      if (order && !orders.has(order.externalId)) {
        orders.set(order.externalId, order);
        for (const line of order.lines) {
          if (line.productExternalId === null || products.has(line.productExternalId)) continue;
          products.set(line.productExternalId, {
            externalId: line.productExternalId,
            name: line.description ?? line.productExternalId,
            category: line.category,
            price: line.unitPrice,
            currency: order.currency,
          });
        }
      }
    }
  }
  return {
    organizations: [...organizations.values()],
    people: [...people.values()],
    events,
    products: [...products.values()],
    orders: [...orders.values()],
  };
}

function personOf(people: Map<string, PersonUpsert>, externalId: string, seenAt: Date, field: string): PersonUpsert {
  let person = people.get(externalId);
  if (!person) {
    person = { externalId, fields: emptyPerson, firstSeenAt: seenAt, parentExternalId: null, field };
    people.set(externalId, person);
  } else {
    person.firstSeenAt = earliest(person.firstSeenAt, seenAt);
  }
  return person;
}

function mergeFields<F extends { attributes: Record<string, unknown> }>(current: F, next: F): F {
  const merged = { ...current };
  for (const key of Object.keys(next) as (keyof F)[]) {
    if (key !== "attributes" && next[key] !== null) merged[key] = next[key];
  }
  merged.attributes = { ...current.attributes, ...next.attributes };
  return merged;
}

function earliest(a: Date, b: Date): Date {
  return a <= b ? a : b;
}
