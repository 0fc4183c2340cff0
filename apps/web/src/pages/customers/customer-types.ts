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

export const sorts = ["name", "-name", "-created_at", "created_at", "-updated_at"] as const;

export function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}
