import type { Customer, CustomerKind } from "./customer.ts";
import type { PageCursor } from "./page-cursor.ts";
import type { CustomerScope } from "../security/customer-scope.ts";
import type { Purpose } from "@tenure/shared";

/** clv and p_alive: the customer's latest scores (customers without scores come last either way). */
export type CustomerSortField = "name" | "created_at" | "updated_at" | "clv" | "p_alive";
export type SortDirection = "asc" | "desc";

/** A customer list query; every condition is ANDed. */
export interface CustomerSearch {
  /** Prefix of the name, or the exact e-mail or external id; case-insensitive. */
  q: string | null;
  kind: CustomerKind | null;
  ownerUserId: string | null;
  country: string | null;
  /** attribute key → value the customer's attributes must contain. */
  attributes: Record<string, string>;
  sort: CustomerSortField;
  direction: SortDirection;
  /** Continue after this position (from a previous page). */
  after: PageCursor | null;
  limit: number;
  /** Only the customers the caller may see (row rule of reps and agents); absent = all. */
  scope?: CustomerScope;
  /**
   * With `q`: a name or e-mail matches only customers who have not withdrawn
   * consent for this purpose ("any": for any purpose), so a search cannot
   * probe names the caller is shown masked; an exact external id still
   * matches. Absent: every customer (internal callers).
   */
  nameMatchConsent?: Purpose | "any";
}

export interface CustomerPage {
  items: Customer[];
  /** How many customers match, over all pages. */
  total: number;
  /** Where the next page starts; null on the last page. */
  next: PageCursor | null;
}

/** Tag of a search's ordering, carried in its cursors so a cursor is not reused under another sort. */
export function customerSearchOrder(search: Pick<CustomerSearch, "sort" | "direction">): string {
  return `${search.sort}:${search.direction}`;
}
