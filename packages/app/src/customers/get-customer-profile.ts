import type { Contact, Customer, CustomerScores, OrderSummary, Repositories, TimelineEvent } from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { customerNotFound } from "./customer-not-found.ts";

export interface CustomerProfile {
  customer: Customer;
  contacts: Contact[];
  orders: OrderSummary;
  /** The latest timeline events, newest first. */
  recentEvents: TimelineEvent[];
  /** Latest model scores; null until the scoring job has run for this customer. */
  scores: CustomerScores | null;
}

const recentEventCount = 10;

/**
 * Everything the customer page shows at once. Five indexed reads issued
 * together (the pool runs them in parallel on a server); throws
 * customer_not_found when the id is not a customer of the caller's workspace.
 */
export async function getCustomerProfile(ctx: RequestContext, deps: { repositories: Pick<Repositories, "customers"> }, input: { id: string }): Promise<CustomerProfile> {
  const customers = deps.repositories.customers;
  const ws = ctx.workspaceId;
  const [customer, contacts, orders, timeline, scores] = await Promise.all([
    customers.findById(ws, input.id),
    customers.listContacts(ws, input.id),
    customers.orderSummary(ws, input.id),
    customers.listTimeline(ws, input.id, { types: [], after: null, limit: recentEventCount }),
    customers.findScores(ws, input.id),
  ]);
  if (!customer) throw customerNotFound(input.id);
  return { customer, contacts, orders, recentEvents: timeline.items, scores };
}
