import { invalidInput } from "@tenure/shared";

export const defaultPageSize = 50;
export const maxPageSize = 200;

/** The page size to use: the default when absent; throws invalid_input (field limit) outside 1…max. */
export function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return defaultPageSize;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) {
    throw invalidInput("limit", `limit must be a whole number from 1 to ${maxPageSize}`);
  }
  return limit;
}
