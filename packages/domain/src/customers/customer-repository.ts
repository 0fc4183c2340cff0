import type { Customer, CustomerFields, CustomerProfile, NewCustomer } from "./customer.ts";
import type { CustomerPage, CustomerSearch } from "./customer-search.ts";
import type { PageCursor } from "./page-cursor.ts";
import type { NewTimelineEvent, TimelineEvent } from "./timeline-event.ts";

export interface TimelineQuery {
  /** Only these event types; empty for all. */
  types: string[];
  after: PageCursor | null;
  limit: number;
}

export interface TimelinePage {
  items: TimelineEvent[];
  next: PageCursor | null;
}

/** Outcome of an insert: the new row, or the id of the customer already holding the external id. */
export type CustomerInsertResult = { created: Customer } | { existingId: string };

/** Customers and what hangs off them; every method is scoped by workspace. */
export interface CustomerRepository {
  search(workspaceId: string, search: CustomerSearch): Promise<CustomerPage>;
  /** The customer, or null; `forUpdate` locks the row until the transaction ends. */
  findById(workspaceId: string, id: string, options?: { forUpdate?: boolean }): Promise<Customer | null>;
  insert(customer: NewCustomer): Promise<CustomerInsertResult>;
  /**
   * Write `changes`, bump the version and updated_at; throws a conflict
   * (code customer_exists, field external_id) if the external id is taken.
   */
  update(workspaceId: string, id: string, changes: Partial<CustomerFields>): Promise<Customer>;
  /**
   * The customer with its contacts, order summary, latest `recentEvents`
   * timeline events and scores, read together; null if not in the workspace.
   */
  findProfile(workspaceId: string, id: string, options: { recentEvents: number }): Promise<CustomerProfile | null>;
  /** Newest first (occurred_at, then id, descending). */
  listTimeline(workspaceId: string, customerId: string, query: TimelineQuery): Promise<TimelinePage>;
  addEvent(event: NewTimelineEvent): Promise<void>;
}
