import type { customerListSchema, customerMetricsSchema, savedViewListSchema, savedViewSchema } from "@tenure/api-schemas";
import type { Infer } from "../../api/schema-types.ts";

export type CustomerList = Infer<typeof customerListSchema>;
export type CustomerRow = CustomerList["items"][number];
export type CustomerMetrics = Infer<typeof customerMetricsSchema>["items"][number];
export type SavedView = Infer<typeof savedViewSchema>;
export type SavedViewList = Infer<typeof savedViewListSchema>;

/** The list's filters, as they stand in the address bar and in saved views. */
export const filterKeys = ["q", "type", "country", "sort"] as const;
export type Filters = Partial<Record<(typeof filterKeys)[number], string>>;

export const sorts = ["-clv", "p_alive", "-created_at", "created_at", "-updated_at", "name", "-name"] as const;
/** Most valuable first, unless the address bar or a saved view says otherwise. */
export const defaultSort = "-clv";
/**
 * Name order is offered for organisations only: the list shows people's names
 * masked, and the API refuses to order by masked names (docs/security.md).
 */
export const nameSorts: readonly string[] = ["name", "-name"];

/** The sort the list asks for: the chosen one, unless it is a name order the list may not use. */
export function effectiveSort(filters: Filters): string {
  const sort = filters.sort ?? defaultSort;
  return nameSorts.includes(sort) && filters.type !== "organization" ? defaultSort : sort;
}

export function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}
