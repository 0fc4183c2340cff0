import type { ListCustomersInput } from "@tenure/app";
import type { CustomerSortField } from "@tenure/domain";
import { attributeFilters } from "@tenure/api-schemas";

type ListQuery = { q?: string | undefined; type?: ListCustomersInput["kind"]; owner?: string | undefined; country?: string | undefined; sort?: string | undefined } & Record<string, unknown>;

/**
 * The listCustomers input of a GET /api/customers query string (sort "-name"
 * = name, descending; no sort = the use case's default order).
 */
export function customerListInput(query: ListQuery): ListCustomersInput {
  const sort = query.sort;
  return {
    q: query.q,
    kind: query.type,
    ownerUserId: query.owner,
    country: query.country,
    attributes: attributeFilters(query),
    sort: sort?.replace(/^-/, "") as CustomerSortField | undefined,
    direction: sort?.startsWith("-") ? "desc" : "asc",
  };
}
